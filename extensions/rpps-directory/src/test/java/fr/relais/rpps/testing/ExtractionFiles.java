package fr.relais.rpps.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.relais.rpps.extraction.Fixtures;

/**
 * Writes {@code Personne_activite} files in the 56-column layout, one line per professional × activity,
 * built by column name so that a fixture cannot be misaligned.
 */
public final class ExtractionFiles {

    static final String HEADER = Fixtures.HEADER_56;

    private static final List<String> COLUMNS = Arrays.asList(HEADER.split("\\|"));

    private final List<String> lines = new ArrayList<>();

    public static ExtractionFiles personneActivite() {
        return new ExtractionFiles();
    }

    /** A professional's identity, then {@link Person#at} for each activity. */
    public static Person rpps(String rppsNumber, String lastName, String firstName, String professionCode,
                              String professionLabel) {
        return new Person("8", rppsNumber, lastName, firstName, professionCode, professionLabel);
    }

    public static Person adeli(String adeliNumber, String lastName, String firstName, String professionCode,
                               String professionLabel) {
        return new Person("0", adeliNumber, lastName, firstName, professionCode, professionLabel);
    }

    public ExtractionFiles add(Person person) {
        lines.addAll(person.lines());
        return this;
    }

    /** A raw line, for hostile input. */
    public ExtractionFiles rawLine(String line) {
        lines.add(line);
        return this;
    }

    /** Writes {@code PS_LibreAcces_Personne_activite_<stamp>.txt} in UTF-8 with CRLF, as ANS does. */
    public Path write(Path directory, String stamp) {
        Path file = directory.resolve("PS_LibreAcces_Personne_activite_" + stamp + ".txt");
        StringBuilder text = new StringBuilder(HEADER).append("\r\n");
        for (String line : lines) {
            text.append(line).append("\r\n");
        }
        try {
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final class Person {
        private final Map<String, String> identity = new LinkedHashMap<>();
        private final List<Map<String, String>> activities = new ArrayList<>();
        private final List<String[]> savoirFaire = new ArrayList<>();

        private Person(String type, String number, String lastName, String firstName, String professionCode,
                       String professionLabel) {
            identity.put("Type d'identifiant PP", type);
            identity.put("Identifiant PP", number);
            identity.put("Identification nationale PP", type + number);
            identity.put("Code civilité", "MME");
            identity.put("Libellé civilité", "Madame");
            identity.put("Nom d'exercice", lastName);
            identity.put("Prénom d'exercice", firstName);
            identity.put("Code profession", professionCode);
            identity.put("Libellé profession", professionLabel);
            identity.put("Code catégorie professionnelle", "C");
            identity.put("Libellé catégorie professionnelle", "Civil");
        }

        public String idNat() {
            return identity.get("Identification nationale PP");
        }

        public Person doctor() {
            identity.put("Code civilité d'exercice", "DR");
            identity.put("Libellé civilité exercice", "Docteur");
            return this;
        }

        public Person savoirFaire(String typeCode, String typeLabel, String code, String label) {
            savoirFaire.add(new String[] {typeCode, typeLabel, code, label});
            return this;
        }

        /** A salaried activity at an establishment identified by FINESS, in the postal code's département. */
        public Person at(String finessSite, String finessLegalEntity, String name, String postalCode, String sectorCode) {
            Map<String, String> activity = new LinkedHashMap<>();
            activity.put("Code mode exercice", "S");
            activity.put("Libellé mode exercice", "Salarié");
            activity.put("Numéro FINESS site", finessSite);
            activity.put("Numéro FINESS établissement juridique", finessLegalEntity);
            activity.put("Identifiant technique de la structure", "F" + finessSite);
            activity.put("Ancien identifiant de la structure", "1" + finessSite);
            activity.put("Raison sociale site", name);
            activity.put("Numéro Voie (coord. structure)", "12");
            activity.put("Libellé type de voie (coord. structure)", "Rue");
            activity.put("Libellé Voie (coord. structure)", "DE LA RÉPUBLIQUE");
            activity.put("Code postal (coord. structure)", postalCode);
            activity.put("Libellé commune (coord. structure)", "VILLE " + postalCode);
            activity.put("Code secteur d'activité", sectorCode);
            activity.put("Libellé secteur d'activité", "Secteur " + sectorCode);
            activities.add(activity);
            return this;
        }

        /** A liberal practice in a private office (no FINESS). */
        public Person cabinet(String name, String postalCode) {
            Map<String, String> activity = new LinkedHashMap<>();
            activity.put("Code mode exercice", "L");
            activity.put("Libellé mode exercice", "Libéral, indépendant, artisan, commerçant");
            activity.put("Raison sociale site", name);
            activity.put("Code postal (coord. structure)", postalCode);
            activity.put("Code secteur d'activité", "SA07");
            activity.put("Libellé secteur d'activité", "Cabinet individuel");
            activities.add(activity);
            return this;
        }

        /** One line per activity × savoir-faire, as ANS publishes; one bare line without any activity. */
        List<String> lines() {
            List<String> result = new ArrayList<>();
            List<Map<String, String>> situations = activities.isEmpty() ? List.of(Map.of()) : activities;
            List<String[]> skills = savoirFaire.isEmpty() ? Collections.singletonList(null) : savoirFaire;
            for (Map<String, String> activity : situations) {
                for (String[] skill : skills) {
                    String[] values = new String[COLUMNS.size()];
                    Arrays.fill(values, "");
                    put(values, identity);
                    put(values, activity);
                    if (skill != null) {
                        set(values, "Code type savoir-faire", skill[0]);
                        set(values, "Libellé type savoir-faire", skill[1]);
                        set(values, "Code savoir-faire", skill[2]);
                        set(values, "Libellé savoir-faire", skill[3]);
                    }
                    result.add(String.join("|", values) + "|");
                }
            }
            return result;
        }

        private static void put(String[] values, Map<String, String> fields) {
            fields.forEach((column, value) -> set(values, column, value));
        }

        private static void set(String[] values, String column, String value) {
            int index = COLUMNS.indexOf(column);
            if (index < 0) {
                throw new IllegalArgumentException("no column " + column);
            }
            values[index] = value == null ? "" : value;
        }
    }
}
