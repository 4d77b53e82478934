package fr.relais.psc.domain;

import java.util.Map;

/**
 * One {@code SubjectRefPro.exercices[].activities[]} entry: where and how the professional practises.
 * PSC sends some thirty fields, most often empty strings; all are kept, the ones Relais uses have accessors.
 */
public record Activity(Map<String, String> fields) {

    public Activity {
        fields = Map.copyOf(fields);
    }

    public String get(String name) {
        return fields.getOrDefault(name, "");
    }

    /** FINESS of the site (établissement géographique). */
    public String numeroFinessSite() {
        return get("numeroFinessSite");
    }

    /** FINESS of the legal entity (entité juridique). */
    public String numeroFinessEtablissementJuridique() {
        return get("numeroFinessetablissementJuridique");
    }

    /** "F" + FINESS for a FINESS-registered structure, "R…" for a private practice. */
    public String identifiantTechniqueDeLaStructure() {
        return get("identifiantTechniqueDeLaStructure");
    }

    public String raisonSocialeSite() {
        return get("raisonSocialeSite");
    }

    public String codeSecteurDactivite() {
        return get("codeSecteurDactivite");
    }

    public String codeModeExercice() {
        return get("codeModeExercice");
    }
}
