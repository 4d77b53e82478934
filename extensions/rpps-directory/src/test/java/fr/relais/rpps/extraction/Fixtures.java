package fr.relais.rpps.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Headers of the published layouts and helpers to write extraction files the way ANS does.
 * Data lines are built by header name, so a fixture cannot be misaligned by miscounting pipes.
 */
public final class Fixtures {

    /** The 52-column Personne_activite header (domain note §3.2). */
    static final String HEADER_52 = "Type d'identifiant PP|Identifiant PP|Identification nationale PP|"
            + "Code civilité d'exercice|Libellé civilité d'exercice|Code civilité|Libellé civilité|Nom d'exercice|"
            + "Prénom d'exercice|Code profession|Libellé profession|Code catégorie professionnelle|"
            + "Libellé catégorie professionnelle|Code type savoir-faire|Libellé type savoir-faire|Code savoir-faire|"
            + "Libellé savoir-faire|Code mode exercice|Libellé mode exercice|Numéro SIRET site|Numéro SIREN site|"
            + "Numéro FINESS site|Numéro FINESS établissement juridique|Identifiant technique de la structure|"
            + "Raison sociale site|Enseigne commerciale site|Complément destinataire (coord. structure)|"
            + "Complément point géographique (coord. structure)|Numéro Voie (coord. structure)|"
            + "Indice répétition voie (coord. structure)|Code type de voie (coord. structure)|"
            + "Libellé type de voie (coord. structure)|Libellé Voie (coord. structure)|"
            + "Mention distribution (coord. structure)|Bureau cedex (coord. structure)|Code postal (coord. structure)|"
            + "Code commune (coord. structure)|Libellé commune (coord. structure)|Code pays (coord. structure)|"
            + "Libellé pays (coord. structure)|Téléphone (coord. structure)|Téléphone 2 (coord. structure)|"
            + "Télécopie (coord. structure)|Adresse e-mail (coord. structure)|Code Département (structure)|"
            + "Libellé Département (structure)|Ancien identifiant de la structure|Autorité d'enregistrement|"
            + "Code secteur d'activité|Libellé secteur d'activité|Code section tableau pharmaciens|"
            + "Libellé section tableau pharmaciens|";

    /** The 56-column header: four columns more and a few respelled names (domain note §3.2). */
    public static final String HEADER_56 = "Type d'identifiant PP|Identifiant PP|Identification nationale PP|"
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

    static final String SAVOIR_FAIRE_HEADER = "Type d'identifiant PP|Identifiant PP|Identification nationale PP|"
            + "Nom d'exercice|Prénom d'exercice|Code profession|Libellé profession|Code catégorie professionnelle|"
            + "Libellé catégorie professionnelle|Code type savoir-faire|Libellé type savoir-faire|Code savoir-faire|"
            + "Libellé savoir-faire|";

    static final String MSSANTE_HEADER = "Type de BAL|Adresse BAL|Type Identifiant PP|Identifiant PP|"
            + "Identification nationale PP|Type identifiant structure|Identification Structure|"
            + "Service de rattachement|Civilité d'exercice|Nom d'exercice|Prénom d'exercice|Catégorie profession|"
            + "Libellé de catégorie profession|Code Profession|Libellé Profession|Code savoir-faire|"
            + "Libellé savoir-faire|Dématérialisation|Raison Sociale structure BAL|"
            + "Enseigne commerciale structure BAL|L2COMPLEMENTLOCALISATION|L3COMPLEMENTDISTRIBUTION|L4NUMEROVOIE|"
            + "L4COMPLEMENTNUMEROVOIE|NL4TYPEVOIE|L4LIBELLEVOIE|L5LIEUDITMENTION|L6LIGNEACHEMINEMENT|Code postal|"
            + "Département|Pays|";

    /** The 52-column sample file: the published PETITGUYOT line verbatim, GUIGNARD completed by hand. */
    static final String SAMPLE_52 = "PS_LibreAcces_Personne_activite_202411280000.txt";

    private Fixtures() {
    }

    static LineBuilder line(String header) {
        return new LineBuilder(header);
    }

    /** A nurse in a nursing home, in the 56-column layout, with its identity overridable. */
    static LineBuilder nurse(String rpps) {
        return line(HEADER_56)
                .set("Type d'identifiant PP", "8").set("Identifiant PP", rpps)
                .set("Identification nationale PP", "8" + rpps)
                .set("Code civilité", "MME").set("Libellé civilité", "Madame")
                .set("Nom d'exercice", "LEFÈVRE").set("Prénom d'exercice", "HÉLÈNE")
                .set("Code profession", "60").set("Libellé profession", "Infirmier")
                .set("Code catégorie professionnelle", "C").set("Libellé catégorie professionnelle", "Civil")
                .set("Code mode exercice", "S").set("Libellé mode exercice", "Salarié")
                .set("Numéro FINESS site", "690012345").set("Numéro FINESS établissement juridique", "690000001")
                .set("Identifiant technique de la structure", "F690012345")
                .set("Raison sociale site", "EHPAD LES CÈDRES")
                .set("Numéro Voie (coord. structure)", "12").set("Code type de voie (coord. structure)", "R")
                .set("Libellé type de voie (coord. structure)", "Rue")
                .set("Libellé Voie (coord. structure)", "DE LA RÉPUBLIQUE")
                .set("Code postal (coord. structure)", "69003").set("Code commune (coord. structure)", "69383")
                .set("Libellé commune (coord. structure)", "Lyon 3e Arrondissement")
                .set("Code département (coord. structure)", "69")
                .set("Libellé département (coord. structure)", "Rhône")
                .set("Ancien identifiant de la structure", "1690012345")
                .set("Code secteur d'activité", "SA17")
                .set("Libellé secteur d'activité", "Etablissement pour personnes âgées")
                .set("Code fonction", "FON-01").set("Libellé fonction", "Infirmier coordinateur")
                .set("Code genre d'activité", "GENR01").set("Libellé genre d'activité", "Activité standard");
    }

    static final class LineBuilder {
        private final List<String> names;
        private final String[] values;

        private LineBuilder(String header) {
            names = Arrays.asList(header.split("\\|", -1)).subList(0, header.split("\\|", -1).length - 1);
            values = new String[names.size()];
            Arrays.fill(values, "");
        }

        LineBuilder set(String column, String value) {
            int index = names.indexOf(column);
            if (index < 0) {
                throw new IllegalArgumentException("no column " + column);
            }
            values[index] = value;
            return this;
        }

        /** With the trailing {@code |} of every published line. */
        String build() {
            return String.join("|", values) + "|";
        }
    }

    static Path write(Path dir, String name, Charset charset, String lineEnd, String... lines) {
        return writeBytes(dir, name, encode(charset, lineEnd, lines));
    }

    static byte[] encode(Charset charset, String lineEnd, String... lines) {
        return (String.join(lineEnd, lines) + lineEnd).getBytes(charset);
    }

    static Path writeBytes(Path dir, String name, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        try {
            return Files.write(dir.resolve(name), content.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path zip(Path dir, String name, Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return writeBytes(dir, name, bytes.toByteArray());
    }

    static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/extraction/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads with default options and collects everything delivered. */
    static Collected read(Path... sources) throws ExtractionException {
        return read(ReadOptions.DEFAULTS, sources);
    }

    static Collected read(ReadOptions options, Path... sources) throws ExtractionException {
        Collected collected = new Collected();
        collected.report = new RppsExtractionReader(options).read(List.of(sources), collected);
        return collected;
    }

    static final class Collected implements ExtractionHandler {
        final Map<String, Professional> professionals = new LinkedHashMap<>();
        final List<MssanteAddress> mailboxes = new ArrayList<>();
        ExtractionReport report;

        @Override
        public void professional(Professional professional) {
            assertThat(professionals.put(professional.idNat(), professional))
                    .as("delivered twice: %s", professional.idNat()).isNull();
        }

        @Override
        public void mssanteAddress(MssanteAddress address) {
            mailboxes.add(address);
        }

        Professional get(String idNat) {
            assertThat(professionals).containsKey(idNat);
            return professionals.get(idNat);
        }

        FileReport file(ExtractionFileKind kind) {
            return report.files().stream().filter(file -> file.kind() == kind).findFirst().orElseThrow();
        }
    }
}
