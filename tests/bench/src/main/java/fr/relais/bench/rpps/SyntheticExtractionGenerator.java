package fr.relais.bench.rpps;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a full-size synthetic {@code PS_LibreAcces_Personne_activite} file in the 56-column layout,
 * to benchmark the RPPS import without the real 565 MB download.
 *
 * <p>Usage: {@code SyntheticExtractionGenerator <output.txt> [professionals=740000] [seed=1]}. The same
 * seed gives the same bytes. One line per professional × activity × savoir-faire, as ANS publishes;
 * professionals come out grouped and in increasing idNat_PS order within each register. Nothing is
 * held but one professional and a pool of establishments, so memory stays flat at any size.
 *
 * <p>Names, numbers and addresses are invented; codes come from the ANS nomenclatures where the domain
 * note lists them, and the "fonction" and "genre d'activité" codes are placeholders.
 */
public final class SyntheticExtractionGenerator {

    static final String HEADER = "Type d'identifiant PP|Identifiant PP|Identification nationale PP|"
            + "Code civilité d'exercice|Libellé civilité exercice|Code civilité|Libellé civilité|Nom d'exercice|"
            + "Prénom d'exercice|Code profession|Libellé profession|Code catégorie professionnelle|"
            + "Libellé catégorie professionnelle|Code type savoir-faire|Libellé type savoir-faire|Code savoir-faire|"
            + "Libellé savoir-faire|Code mode exercice|Libellé mode exercice|Numéro SIRET site|Numéro SIREN site|"
            + "Numéro FINESS site|Numéro FINESS établissement juridique|Identifiant technique de la structure|"
            + "Raison sociale site|Enseigne commerciale site|Complément destinataire (coord. structure)|"
            + "Complément point géographique (coord. structure)|Numéro Voie (coord. structure)|"
            + "Indice répétition voie (coord. Structure)|Code type de voie (coord. structure)|"
            + "Libellé type de voie (coord. structure)|Libellé Voie (coord. structure)|"
            + "Mention distribution (coord. structure)|Bureau cedex (coord. structure)|Code postal (coord. structure)|"
            + "Code commune (coord. structure)|Libellé commune (coord. structure)|Code pays (coord. structure)|"
            + "Libellé pays (coord. structure)|Téléphone (coord. structure)|Téléphone 2 (coord. structure)|"
            + "Télécopie (coord. structure)|Adresse e-mail (coord. structure)|Code département (coord. structure)|"
            + "Libellé département (coord. structure)|Ancien identifiant de la structure|Autorité d'enregistrement|"
            + "Code secteur d'activité|Libellé secteur d'activité|Code section tableau pharmaciens|"
            + "Libellé section tableau pharmaciens|Code fonction|Libellé fonction|Code genre d'activité|"
            + "Libellé genre d'activité|";

    private static final int DEFAULT_PROFESSIONALS = 740_000;
    private static final int ESTABLISHMENTS = 40_000;

    private static final String[] LAST_NAMES = {
        "MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND", "DUBOIS", "MOREAU", "LAURENT",
        "SIMON", "MICHEL", "LEFÈVRE", "LEROY", "ROUX", "DAVID", "BERTRAND", "MOREL", "FOURNIER", "GIRARD",
        "BONNET", "DUPONT", "LAMBERT", "FONTAINE", "ROUSSEAU", "VINCENT", "MULLER", "LEFEBVRE", "FAURE",
        "ANDRÉ", "MERCIER", "BLANC", "GUÉRIN", "BOYER", "GARNIER", "CHEVALIER", "FRANÇOIS", "LEGRAND",
        "GAUTHIER", "GARCIA", "PERRIN", "ROBIN", "CLÉMENT", "MORIN", "NICOLAS", "HENRY", "ROUSSEL", "MATHIEU",
        "GAUTIER", "MASSON", "MARCHAND", "DUVAL", "DENIS", "DUMONT", "MARIE", "LEMAIRE", "NOËL", "MEYER",
        "DUFOUR", "MEUNIER", "BRUN", "BLANCHARD", "GIRAUD", "JOLY", "RIVIÈRE", "LUCAS", "BRUNET", "GAILLARD",
        "BARBIER", "ARNAUD", "MARTINEZ", "GÉRARD", "ROCHE", "RENARD", "SCHMITT", "ROY", "LEROUX", "COLIN",
        "VIDAL", "CARON", "PICARD", "ROGER", "FABRE", "AUBERT", "LEMOINE", "RENAUD", "DUMAS", "LACROIX",
        "OLIVIER", "PHILIPPE", "BOURGEOIS", "PIERRE", "BENOÎT", "REY", "LECLERC", "PAYET", "ROLLAND", "LECLERCQ",
        "NGUYEN", "BEN SAÏD", "DA SILVA", "LE GALL", "SANTONI", "PETITGUYOT", "DE LA FONTAINE", "N'DIAYE",
    };
    private static final String[] WOMEN = {
        "MARIE", "NATHALIE", "ISABELLE", "SYLVIE", "CATHERINE", "SANDRINE", "VÉRONIQUE", "CHRISTINE", "SOPHIE",
        "CÉLINE", "STÉPHANIE", "VALÉRIE", "AURÉLIE", "JULIE", "CAMILLE", "LAURA", "ÉMILIE", "CAROLINE", "HÉLÈNE",
        "CHLOÉ", "LÉA", "MANON", "PAULINE", "CLAIRE", "ANNE-SOPHIE", "MARIE-CHRISTINE", "AGNÈS", "MAËLLE", "INÈS",
    };
    private static final String[] MEN = {
        "JEAN", "PHILIPPE", "MICHEL", "ALAIN", "PATRICK", "NICOLAS", "CHRISTOPHE", "PIERRE", "CHRISTIAN",
        "ÉRIC", "FRÉDÉRIC", "LAURENT", "STÉPHANE", "DAVID", "OLIVIER", "JULIEN", "THOMAS", "SÉBASTIEN",
        "ALEXANDRE", "JÉRÔME", "FRANÇOIS", "MAXIME", "HUGO", "LUCAS", "JEAN-PIERRE", "JEAN-FRANÇOIS", "NOÉ",
    };
    private static final String[][] CABINET_SECTORS = {
        {"SA07", "Cabinet individuel", "CABINET "},
        {"SA07", "Cabinet individuel", "CABINET "},
        {"SA08", "Cabinet de groupe", "CABINET DE GROUPE "},
        {"SA08", "Cabinet de groupe", "SCM "},
        {"SA09", "Exercice en société", "SELARL "},
        {"SA52", "Maison de santé", "MAISON DE SANTE PLURIPROFESSIONNELLE "},
    };

    private final SplittableRandom random;
    private final Departements departements = new Departements();
    private final Establishments establishments;
    private final int totalWeight;
    private final Map<String, Integer> adeliSequences = new HashMap<>();
    private final StringBuilder line = new StringBuilder(1024);
    private long lastRpps = 10_000_000_000L;
    private long lines;

    public SyntheticExtractionGenerator(long seed) {
        random = new SplittableRandom(seed);
        establishments = new Establishments(ESTABLISHMENTS, departements, random);
        totalWeight = Profession.ALL.stream().mapToInt(Profession::weight).sum();
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: SyntheticExtractionGenerator <output.txt> [professionals="
                    + DEFAULT_PROFESSIONALS + "] [seed=1]");
            System.exit(2);
        }
        Path output = Path.of(args[0]);
        int professionals = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_PROFESSIONALS;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;

        long start = System.nanoTime();
        long lines = new SyntheticExtractionGenerator(seed).write(output, professionals);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d professionals, %d lines, %.1f MB in %.1f s%n", output, professionals,
                lines, Files.size(output) / 1e6, seconds);
    }

    /** @return the number of data lines written */
    long write(Path output, int professionals) throws IOException {
        return write(output, professionals, List.of());
    }

    /**
     * The file, with {@code named} first (outside the idNat_PS order; the reader does not need it), so that
     * a benchmark can sign in with their cards and find them in the directory; each has one salaried
     * activity at an establishment of the pool.
     *
     * @return the number of data lines written
     */
    public long write(Path output, int professionals, List<NamedProfessional> named) throws IOException {
        try (Writer out = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8), 1 << 20)) {
            out.write(HEADER);
            out.write('\n');
            for (NamedProfessional professional : named) {
                writeNamed(out, professional);
            }
            for (int i = 0; i < professionals; i++) {
                writeProfessional(out);
            }
        }
        return lines;
    }

    private void writeProfessional(Writer out) throws IOException {
        Profession profession = pickProfession();
        boolean woman = random.nextInt(100) < profession.femalePercent();
        String[] identity = identity(profession, woman);
        List<String> savoirFaire = savoirFaire(profession);

        if (random.nextInt(50) == 0) {
            // Registered but without a current practice: one line with every structure column empty.
            for (String skill : savoirFaire) {
                emit(out, identity, skill, null, null, profession);
            }
            return;
        }
        int activities = activityCount();
        for (int a = 0; a < activities; a++) {
            boolean liberal = random.nextInt(100) < profession.liberalPercent();
            Structure structure = liberal || profession.code().equals("21") && random.nextBoolean()
                    ? privateStructure(profession, identity[7], identity[8])
                    : establishments.pick(random);
            String mode = random.nextInt(100) == 0 ? "B|Bénévole" : liberal
                    ? "L|Libéral, indépendant, artisan, commerçant" : "S|Salarié";
            for (String skill : savoirFaire) {
                emit(out, identity, skill, mode, structure, profession);
            }
        }
    }

    /** A professional whose identity a benchmark chooses (an RPPS number and a profession of {@link Profession#ALL}). */
    public record NamedProfessional(String rpps, String firstName, String lastName, String professionCode) {
    }

    private void writeNamed(Writer out, NamedProfessional named) throws IOException {
        Profession profession = Profession.ALL.stream().filter(p -> p.code().equals(named.professionCode())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such profession: " + named.professionCode()));
        String[] identity = {
            "8", named.rpps(), "8" + named.rpps(), "", "", "", "", named.lastName(), named.firstName(),
            profession.code(), profession.label(), "C", "Civil",
        };
        emit(out, identity, "|||", "S|Salarié", establishments.pick(random), profession);
    }

    private Profession pickProfession() {
        int ticket = random.nextInt(totalWeight);
        for (Profession profession : Profession.ALL) {
            ticket -= profession.weight();
            if (ticket < 0) {
                return profession;
            }
        }
        throw new IllegalStateException("unreachable: ticket beyond the total weight");
    }

    /** The 13 identity columns, "Type d'identifiant PP" to "Libellé catégorie professionnelle". */
    private String[] identity(Profession profession, boolean woman) {
        String type;
        String identifier;
        if (profession.adeli()) {
            // ADELI: département, profession, then a sequence within the pair (2A/2B keep their letter).
            String departement = departements.pick(random).code().substring(0, 2);
            int sequence = adeliSequences.merge(departement + profession.code(), 1, Integer::sum);
            type = "0";
            identifier = departement + profession.code() + Digits.padded(sequence, 5);
        } else {
            lastRpps += 1 + random.nextInt(20);
            type = "8";
            identifier = Long.toString(lastRpps);
        }
        String practiceCivility = profession.practiceCivility().isEmpty() ? "|"
                : random.nextInt(40) == 0 ? "PR|Professeur" : "DR|Docteur";
        int category = random.nextInt(100);
        return new String[] {
            type, identifier, type + identifier,
            practiceCivility.substring(0, practiceCivility.indexOf('|')),
            practiceCivility.substring(practiceCivility.indexOf('|') + 1),
            woman ? "MME" : "M", woman ? "Madame" : "Monsieur",
            lastName(),
            woman ? WOMEN[random.nextInt(WOMEN.length)] : MEN[random.nextInt(MEN.length)],
            profession.code(), profession.label(),
            category < 94 ? "C" : category < 98 ? "M" : "E",
            category < 94 ? "Civil" : category < 98 ? "Agent public" : "Etudiant",
        };
    }

    /** One in five carries a double name, as the register keeps both. */
    private String lastName() {
        String name = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
        return random.nextInt(5) == 0 ? name + "-" + LAST_NAMES[random.nextInt(LAST_NAMES.length)] : name;
    }

    /** One entry per line to write for each activity; the empty entry stands for "no savoir-faire". */
    private List<String> savoirFaire(Profession profession) {
        List<String> known = profession.savoirFaire();
        if (known.isEmpty() || random.nextInt(100) >= profession.savoirFairePercent()) {
            return List.of("|||");
        }
        // The first savoir-faire of the list is the common one (médecine générale for médecins).
        String first = known.get(random.nextInt(100) < 45 ? 0 : random.nextInt(known.size()));
        String second = known.get(random.nextInt(known.size()));
        return random.nextInt(4) == 0 && !second.equals(first) ? List.of(first, second) : List.of(first);
    }

    private int activityCount() {
        int draw = random.nextInt(100);
        return draw < 60 ? 1 : draw < 87 ? 2 : 3;
    }

    /** A cabinet with a SIRET, or for a pharmacist an officine, which also has FINESS numbers. */
    private Structure privateStructure(Profession profession, String lastName, String firstName) {
        Departements.Departement departement = departements.pick(random);
        Places.Address address = Places.address(departement, random);
        String siret = Places.siret(random);
        if (profession.code().equals("21")) {
            String finess = Places.finess(departement, random);
            return new Structure("SA33", "Pharmacie d'officine", siret, siret.substring(0, 9), finess,
                    Places.finess(departement, random), "F" + finess, "SELARL PHARMACIE " + address.street(),
                    "PHARMACIE " + address.street(), "", address, "1" + finess);
        }
        String[] sector = CABINET_SECTORS[random.nextInt(CABINET_SECTORS.length)];
        return new Structure(sector[0], sector[1], siret, siret.substring(0, 9), "", "", "C" + siret,
                sector[2] + firstName + " " + lastName,
                random.nextInt(10) < 3 ? "CENTRE MEDICAL " + address.street() : "",
                random.nextInt(4) == 0 ? "CABINET " + lastName : "", address, "3" + siret);
    }

    private void emit(Writer out, String[] identity, String savoirFaire, String mode, Structure structure,
            Profession profession) throws IOException {
        line.setLength(0);
        for (String value : identity) {
            field(value);
        }
        line.append(savoirFaire).append('|');
        if (structure == null) {
            line.append("|".repeat(39));
        } else {
            appendActivity(mode, structure, profession);
        }
        line.append('\n');
        out.append(line);
        lines++;
    }

    private void appendActivity(String mode, Structure structure, Profession profession) {
        line.append(mode).append('|');
        field(structure.siret());
        field(structure.siren());
        field(structure.finessSite());
        field(structure.finessLegalEntity());
        field(structure.technicalId());
        field(structure.legalName());
        field(structure.tradeName());
        field(structure.recipientComplement());
        Places.Address address = structure.address();
        field(address.geographicComplement());
        field(address.number());
        field(address.repetitionIndex());
        field(address.streetTypeCode());
        field(address.streetTypeLabel());
        field(address.street());
        field(address.distributionMention());
        field(address.cedexOffice());
        field(address.postalCode());
        field(address.communeCode());
        field(address.communeLabel());
        field("");
        field("");
        field(address.phone());
        field(address.phone2());
        field(address.fax());
        field(address.email());
        field(address.departement().code());
        field(address.departement().label());
        field(structure.structureIdNat());
        field(profession.authority());
        field(structure.sectorCode());
        field(structure.sectorLabel());
        line.append(pharmacistSection(profession, mode, structure)).append('|');
        line.append(random.nextInt(12) == 0 ? "FON-05|Cadre de santé|" : "||");
        line.append(random.nextInt(20) == 0 ? "GENR02|Activité de remplacement|" : "GENR01|Activité standard|");
    }

    private static String pharmacistSection(Profession profession, String mode, Structure structure) {
        if (!profession.code().equals("21")) {
            return "|";
        }
        if (structure.sectorCode().equals("SA33")) {
            return mode.startsWith("L") ? "A|Pharmaciens titulaires d'officine" : "D|Pharmaciens adjoints d'officine";
        }
        return structure.sectorCode().equals("SA25") ? "G|Pharmaciens biologistes"
                : "H|Pharmaciens des établissements de santé";
    }

    private void field(String value) {
        line.append(value).append('|');
    }
}
