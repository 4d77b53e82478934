package fr.relais.pscsim;

import java.util.List;

/**
 * The professionals the simulator offers when none are configured. Their idNat and names match the Relais demo
 * users ({@code fr.relais.runner.DemoProfessional}), so a PSC login lands on the same account as their card.
 *
 * <p>The demo organisation is an EHPAD whose FINESS is the one on the runner's CPE card ({@code 3750000001/...}).
 * Codes follow the ANS tables (TRE_G15 professions, TRE_R23 modes, DICO R02 sectors: SA17 = établissement pour
 * personnes âgées, SA07 = cabinet individuel); addresses and SIRET numbers are made up.
 */
public final class DemoProfessionals {

    /** FINESS (établissement géographique) of the demo EHPAD. */
    public static final String EHPAD_FINESS = "750000001";
    /** FINESS of its legal entity (made up). */
    public static final String EHPAD_FINESS_EJ = "750000019";

    private DemoProfessionals() {
    }

    public static List<Professional> all() {
        return List.of(claireMartin(), paulDurand(), inesMoreau(), lucasPetit());
    }

    /** Nurse, salaried at the demo EHPAD. */
    public static Professional claireMartin() {
        return new Professional("899700100011", "MME", "Claire", "MARTIN", "RPPS", List.of(
                Exercice.of(List.of(ehpad("S")),
                        "codeProfession", "60", "codeCategorieProfessionnelle", "C",
                        "nomDexercice", "MARTIN", "prenomDexercice", "Claire")));
    }

    /**
     * GP with two practices: coordinating doctor at the demo EHPAD and a private surgery, so that a relying party
     * has to pick the activity at its own FINESS.
     */
    public static Professional paulDurand() {
        return new Professional("899700100029", "M", "Paul", "DURAND", "RPPS", List.of(
                Exercice.of(List.of(cabinet("R10000000100029", "CABINET DU DR DURAND", "00000000100029"), ehpad("S")),
                        "codeProfession", "10", "codeCategorieProfessionnelle", "C", "codeCiviliteDexercice", "DR",
                        "nomDexercice", "DURAND", "prenomDexercice", "Paul",
                        "codeTypeSavoirFaire", "S", "codeSavoirFaire", "SM54")));
    }

    /** Physiotherapist with only a private practice: no activity at the demo FINESS. */
    public static Professional inesMoreau() {
        return new Professional("899700100037", "MME", "Inès", "MOREAU", "RPPS", List.of(
                Exercice.of(List.of(cabinet("R10000000100037", "CABINET DE KINESITHERAPIE MOREAU", "00000000100037")),
                        "codeProfession", "70", "codeCategorieProfessionnelle", "C",
                        "nomDexercice", "MOREAU", "prenomDexercice", "Inès")));
    }

    /** Doctor in training (the runner gives him a CPF card), at the demo EHPAD. */
    public static Professional lucasPetit() {
        return new Professional("899700100045", "M", "Lucas", "PETIT", "RPPS", List.of(
                Exercice.of(List.of(ehpad("S")),
                        "codeProfession", "10", "codeCategorieProfessionnelle", "E",
                        "nomDexercice", "PETIT", "prenomDexercice", "Lucas")));
    }

    private static Activity ehpad(String modeExercice) {
        return Activity.of(
                "codeModeExercice", modeExercice, "codeSecteurDactivite", "SA17",
                "numeroFinessSite", EHPAD_FINESS, "numeroFinessetablissementJuridique", EHPAD_FINESS_EJ,
                "identifiantTechniqueDeLaStructure", "F" + EHPAD_FINESS,
                "raisonSocialeSite", "EHPAD DE DEMONSTRATION RELAIS",
                "numeroVoie", "1", "codeTypeDeVoie", "R", "libelleVoie", "DES TILLEULS",
                "bureauCedex", "PARIS", "codePostal", "75012", "codeCommune", "75112", "codeDepartement", "75",
                "ancienIdentifiantDeLaStructure", "1" + EHPAD_FINESS);
    }

    private static Activity cabinet(String structureId, String name, String siret) {
        return Activity.of(
                "codeModeExercice", "L", "codeSecteurDactivite", "SA07", "numeroSiretSite", siret,
                "identifiantTechniqueDeLaStructure", structureId, "raisonSocialeSite", name,
                "numeroVoie", "12", "codeTypeDeVoie", "AV", "libelleVoie", "DE LA REPUBLIQUE",
                "bureauCedex", "PARIS", "codePostal", "75011", "codeCommune", "75111", "codeDepartement", "75");
    }
}
