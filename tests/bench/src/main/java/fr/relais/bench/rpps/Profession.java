package fr.relais.bench.rpps;

import java.util.List;

/**
 * How one profession looks in the extraction: its share of the file, the register that numbers it,
 * how often it practises independently, and the savoir-faire its members carry.
 *
 * @param weight             share of professionals, in per mille
 * @param adeli              numbered in ADELI (idNat type 0) rather than RPPS (type 8)
 * @param liberalPercent     chance that an activity is libéral (cabinet, officine) rather than salaried
 * @param savoirFaire        {@code type|type label|code|label}; the first is the most common
 * @param savoirFairePercent chance of holding a savoir-faire; a second one follows a quarter of the time
 * @param femalePercent      share of women, which decides civility and first names
 */
record Profession(
        String code,
        String label,
        int weight,
        boolean adeli,
        String authority,
        String practiceCivility,
        int liberalPercent,
        List<String> savoirFaire,
        int savoirFairePercent,
        int femalePercent) {

    /**
     * The mix of the 740 000 professionals of the default run. Médecins (≈230 000) follow the domain
     * note; the other shares are plausible orders of magnitude, not published figures.
     */
    static final List<Profession> ALL = List.of(
            new Profession("10", "Médecin", 311, false, "CNOM/CNOM/CNOM", "DR", 55, List.of(
                    "S|Spécialité ordinale|SM54|Médecine générale",
                    "S|Spécialité ordinale|SM53|Spécialiste en Médecine Générale",
                    "S|Spécialité ordinale|SM26|Qualifié en Médecine Générale",
                    "S|Spécialité ordinale|SM02|Anesthésie-réanimation",
                    "S|Spécialité ordinale|SM04|Cardiologie",
                    "S|Spécialité ordinale|SM42|Psychiatrie",
                    "S|Spécialité ordinale|SM40|Pédiatrie",
                    "S|Spécialité ordinale|SM18|Gériatrie",
                    "S|Spécialité ordinale|SM59|Médecine d'urgence",
                    "S|Spécialité ordinale|SM49|Santé publique et médecine sociale",
                    "S|Spécialité ordinale|SM01|Anatomie et cytologie pathologiques"), 100, 50),
            new Profession("60", "Infirmier", 255, false, "ONI/ONI/ONI", "", 25, List.of(
                    "S|Spécialité ordinale|SI01|Infirmier en pratique avancée",
                    "S|Spécialité ordinale|SI06|Infirmier de bloc opératoire",
                    "S|Spécialité ordinale|SI07|Infirmier anesthésiste"), 4, 87),
            new Profession("70", "Masseur-Kinésithérapeute", 120, false, "CNOMK/CNOMK/CNOMK", "", 85,
                    List.of(), 0, 45),
            new Profession("21", "Pharmacien", 100, false, "CNOP/CNOP/CNOP", "", 45, List.of(), 0, 68),
            new Profession("40", "Chirurgien-Dentiste", 60, false, "CNOCD/CNOCD/CNOCD", "DR", 90, List.of(
                    "S|Spécialité ordinale|SCD01|Orthopédie dento-faciale",
                    "S|Spécialité ordinale|SCD02|Chirurgie orale",
                    "S|Spécialité ordinale|SCD03|Médecine bucco-dentaire"), 12, 48),
            new Profession("50", "Sage-Femme", 32, false, "CNOSF/CNOSF/CNOSF", "", 40, List.of(), 0, 97),
            new Profession("91", "Orthophoniste", 34, false, "ARS/ARS/ARS", "", 80, List.of(), 0, 96),
            new Profession("80", "Pédicure-Podologue", 18, false, "ONPP/ONPP/ONPP", "", 90, List.of(), 0, 60),
            new Profession("28", "Opticien-Lunetier", 16, true, "ARS/Variable/Variable", "", 30, List.of(), 0, 50),
            new Profession("98", "Manipulateur ERM", 14, true, "ARS/ARS/ARS", "", 5, List.of(), 0, 60),
            new Profession("94", "Ergothérapeute", 12, true, "ARS/ARS/ARS", "", 15, List.of(), 0, 85),
            new Profession("96", "Psychomotricien", 10, true, "ARS/ARS/ARS", "", 30, List.of(), 0, 88),
            new Profession("95", "Diététicien", 7, true, "ARS/ARS/ARS", "", 50, List.of(), 0, 92),
            new Profession("92", "Orthoptiste", 6, true, "ARS/ARS/ARS", "", 60, List.of(), 0, 90),
            new Profession("26", "Audioprothésiste", 5, true, "ARS/Variable/Variable", "", 30, List.of(), 0, 40));
}
