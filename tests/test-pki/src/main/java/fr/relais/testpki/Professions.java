package fr.relais.testpki;

import java.util.Map;
import java.util.Optional;

/**
 * Labels of the card-side dictionary DICO-FR.GIP table G15 (same codes as TRE_G15 ProfessionSante), used
 * as the default subject title so that title and profession code never disagree by accident.
 */
final class Professions {

    static final int MEDECIN = 10;

    private static final Map<Integer, String> LABELS = Map.ofEntries(
            Map.entry(10, "Médecin"),
            Map.entry(21, "Pharmacien"),
            Map.entry(26, "Audioprothésiste"),
            Map.entry(28, "Opticien-Lunetier"),
            Map.entry(31, "Assistant dentaire"),
            Map.entry(32, "Physicien médical"),
            Map.entry(35, "Aide-soignant"),
            Map.entry(36, "Ambulancier"),
            Map.entry(37, "Auxiliaire de puériculture"),
            Map.entry(38, "Préparateur en pharmacie hospitalière"),
            Map.entry(39, "Préparateur en pharmacie (officine)"),
            Map.entry(40, "Chirurgien-Dentiste"),
            Map.entry(50, "Sage-Femme"),
            Map.entry(60, "Infirmier"),
            Map.entry(69, "Infirmier psychiatrique"),
            Map.entry(70, "Masseur-Kinésithérapeute"),
            Map.entry(80, "Pédicure-Podologue"),
            Map.entry(81, "Orthoprothésiste"),
            Map.entry(82, "Podo-Orthésiste"),
            Map.entry(83, "Orthopédiste-Orthésiste"),
            Map.entry(84, "Oculariste"),
            Map.entry(85, "Epithésiste"),
            Map.entry(86, "Technicien de labo médical"),
            Map.entry(91, "Orthophoniste"),
            Map.entry(92, "Orthoptiste"),
            Map.entry(94, "Ergothérapeute"),
            Map.entry(95, "Diététicien"),
            Map.entry(96, "Psychomotricien"),
            Map.entry(98, "Manipulateur ERM"));

    private Professions() {
    }

    static Optional<String> label(int code) {
        return Optional.ofNullable(LABELS.get(code));
    }
}
