package fr.relais.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tiny RPPS extraction ({@code PS_LibreAcces_Personne_activite_*.txt}, the published 52-column
 * layout) for the local run: the demo professionals with their activity at the demo EHPAD, plus a few
 * visiting professionals who have no account, so the local Relais has a directory out of the box and
 * their cards sign in through it. Written into the RPPS drop folder, where the server imports it.
 */
public final class DemoExtraction {

    public static final String FILE_NAME = "PS_LibreAcces_Personne_activite_202611010000.txt";

    public static final String HEADER = "Type d'identifiant PP|Identifiant PP|Identification nationale PP|Code civilité d'exercice|"
            + "Libellé civilité d'exercice|Code civilité|Libellé civilité|Nom d'exercice|Prénom d'exercice|Code profession|"
            + "Libellé profession|Code catégorie professionnelle|Libellé catégorie professionnelle|Code type savoir-faire|"
            + "Libellé type savoir-faire|Code savoir-faire|Libellé savoir-faire|Code mode exercice|Libellé mode exercice|"
            + "Numéro SIRET site|Numéro SIREN site|Numéro FINESS site|Numéro FINESS établissement juridique|"
            + "Identifiant technique de la structure|Raison sociale site|Enseigne commerciale site|"
            + "Complément destinataire (coord. structure)|Complément point géographique (coord. structure)|"
            + "Numéro Voie (coord. structure)|Indice répétition voie (coord. structure)|Code type de voie (coord. structure)|"
            + "Libellé type de voie (coord. structure)|Libellé Voie (coord. structure)|Mention distribution (coord. structure)|"
            + "Bureau cedex (coord. structure)|Code postal (coord. structure)|Code commune (coord. structure)|"
            + "Libellé commune (coord. structure)|Code pays (coord. structure)|Libellé pays (coord. structure)|"
            + "Téléphone (coord. structure)|Téléphone 2 (coord. structure)|Télécopie (coord. structure)|"
            + "Adresse e-mail (coord. structure)|Code Département (structure)|Libellé Département (structure)|"
            + "Ancien identifiant de la structure|Autorité d'enregistrement|Code secteur d'activité|"
            + "Libellé secteur d'activité|Code section tableau pharmaciens|Libellé section tableau pharmaciens|";

    private static final List<String> COLUMNS = Arrays.asList(HEADER.split("\\|"));

    /** A professional of the demo directory who has no account in the realm: a visitor. */
    public record Visitor(String idNatPs, String givenName, String surname, int professionCode, String professionLabel) {
    }

    /** In the directory, not in the realm: their first card login creates their account. */
    public static final List<Visitor> VISITORS = List.of(
            new Visitor("899700100052", "Marc", "LEROY", 10, "Médecin"),
            new Visitor("899700100060", "Julie", "FOURNIER", 60, "Infirmier"),
            new Visitor("899700100078", "Thomas", "GIRARD", 21, "Pharmacien"));

    private DemoExtraction() {
    }

    /**
     * Writes the extraction into {@code dropFolder}, dated an hour ago so the server takes it at its
     * first check rather than waiting for the file to settle.
     */
    public static Path write(Path dropFolder) throws IOException {
        Files.createDirectories(dropFolder);
        Path file = dropFolder.resolve(FILE_NAME);
        Files.writeString(file, content(), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
        return file;
    }

    /** The extraction's text: header line, then one line per professional and activity. */
    public static String content() {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (DemoProfessional p : DemoProfessional.ALL) {
            // Structure-based identifiers (CPE staff cards) are not in RPPS.
            if (p.professionCode() != null && p.idNatPs().startsWith("8")) {
                lines.add(line(p.idNatPs(), p.givenName(), p.surname(), p.professionCode(), p.title(), ehpad()));
            }
        }
        for (Visitor v : VISITORS) {
            lines.add(line(v.idNatPs(), v.givenName(), v.surname(), v.professionCode(), v.professionLabel(), ehpad()));
            lines.add(line(v.idNatPs(), v.givenName(), v.surname(), v.professionCode(), v.professionLabel(),
                    privatePractice(v)));
        }
        // Professionals with no link to the demo organisation, so searches return more than the demo cast.
        lines.add(line("899700100086", "Anne", "ROUSSEAU", 40, "Chirurgien-Dentiste", privatePractice(null)));
        lines.add(line("899700100094", "Hugo", "LAMBERT", 50, "Sage-Femme", privatePractice(null)));
        return String.join("\r\n", lines) + "\r\n";
    }

    /** The line of a professional practising alone, for tests that build extractions of their own. */
    public static String privatePracticeLine(Visitor professional) {
        return line(professional.idNatPs(), professional.givenName(), professional.surname(),
                professional.professionCode(), professional.professionLabel(), privatePractice(professional));
    }

    private static Map<String, String> ehpad() {
        Map<String, String> site = new LinkedHashMap<>();
        site.put("Code mode exercice", "S");
        site.put("Libellé mode exercice", "Salarié");
        site.put("Numéro FINESS site", PscConnection.DEMO_FINESS);
        site.put("Numéro FINESS établissement juridique", "750000002");
        site.put("Identifiant technique de la structure", "F" + PscConnection.DEMO_FINESS);
        site.put("Raison sociale site", "EHPAD DE DEMONSTRATION");
        site.put("Numéro Voie (coord. structure)", "12");
        site.put("Code type de voie (coord. structure)", "R");
        site.put("Libellé type de voie (coord. structure)", "Rue");
        site.put("Libellé Voie (coord. structure)", "DES LILAS");
        site.put("Bureau cedex (coord. structure)", "75020 PARIS");
        site.put("Code postal (coord. structure)", "75020");
        site.put("Code commune (coord. structure)", "75120");
        site.put("Libellé commune (coord. structure)", "Paris");
        site.put("Code Département (structure)", "75");
        site.put("Libellé Département (structure)", "Paris");
        site.put("Ancien identifiant de la structure", "1" + PscConnection.DEMO_FINESS);
        site.put("Code secteur d'activité", "SA17");
        site.put("Libellé secteur d'activité", "Etablissement pour personnes âgées");
        return site;
    }

    private static Map<String, String> privatePractice(Visitor visitor) {
        Map<String, String> site = new LinkedHashMap<>();
        site.put("Code mode exercice", "L");
        site.put("Libellé mode exercice", "Libéral, indépendant, artisan, commerçant");
        site.put("Identifiant technique de la structure", visitor == null ? "C99999999900017" : "C99999999900025");
        site.put("Raison sociale site", visitor == null ? "CABINET DU CENTRE" : "CABINET " + visitor.surname());
        site.put("Code postal (coord. structure)", "75011");
        site.put("Libellé commune (coord. structure)", "Paris");
        site.put("Code Département (structure)", "75");
        site.put("Code secteur d'activité", "SA07");
        site.put("Libellé secteur d'activité", "Cabinet individuel");
        return site;
    }

    private static String line(String idNat, String givenName, String surname, int professionCode, String professionLabel,
                               Map<String, String> site) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Type d'identifiant PP", "8");
        fields.put("Identifiant PP", idNat.substring(1));
        fields.put("Identification nationale PP", idNat);
        fields.put("Nom d'exercice", surname);
        fields.put("Prénom d'exercice", givenName.toUpperCase(Locale.ROOT));
        fields.put("Code profession", Integer.toString(professionCode));
        fields.put("Libellé profession", professionLabel);
        fields.put("Code catégorie professionnelle", "C");
        fields.put("Libellé catégorie professionnelle", "Civil");
        fields.put("Autorité d'enregistrement", "ARS/ARS/ARS");
        fields.putAll(site);
        String[] values = new String[COLUMNS.size()];
        Arrays.fill(values, "");
        fields.forEach((column, value) -> {
            int index = COLUMNS.indexOf(column);
            if (index < 0) {
                throw new IllegalStateException("No column " + column);
            }
            values[index] = value;
        });
        return String.join("|", values) + "|";
    }
}
