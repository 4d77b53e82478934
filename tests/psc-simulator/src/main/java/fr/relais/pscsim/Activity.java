package fr.relais.pscsim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code SubjectRefPro.exercices[].activities[]} entry: where and how a professional practises. PSC sends every
 * field of the real sample, most of them as empty strings, so this keeps them all; unknown keys given by a
 * configuration file are kept too, after the known ones.
 */
public record Activity(Map<String, String> fields) {

    /** The field names of the real PSC sandbox sample, in its order. */
    public static final List<String> FIELDS = List.of(
            "codeModeExercice", "codeSecteurDactivite", "codeSectionPharmacien", "codeRole", "codeGenreActivite",
            "numeroSiretSite", "numeroSirenSite", "numeroFinessSite", "numeroFinessetablissementJuridique",
            "identifiantTechniqueDeLaStructure", "raisonSocialeSite", "enseigneCommercialeSite",
            "complementDestinataire", "complementPointGeographique", "numeroVoie", "indiceRepetitionVoie",
            "codeTypeDeVoie", "libelleVoie", "mentionDistribution", "bureauCedex", "codePostal", "codeCommune",
            "codePays", "telephone", "telephone2", "telecopie", "adresseEMail", "codeDepartement",
            "ancienIdentifiantDeLaStructure", "autoriteDenregistrement");

    public Activity {
        fields = Collections.unmodifiableMap(Fields.complete(FIELDS, fields));
    }

    /** From alternating names and values, e.g. {@code of("numeroFinessSite", "750000001", ...)}. */
    public static Activity of(String... namesAndValues) {
        return new Activity(Fields.pairs(namesAndValues));
    }

    public String get(String name) {
        return fields.getOrDefault(name, "");
    }

    public String numeroFinessSite() {
        return get("numeroFinessSite");
    }

    public String raisonSocialeSite() {
        return get("raisonSocialeSite");
    }

    /** The JSON object PSC sends. */
    Map<String, Object> toClaim() {
        return new LinkedHashMap<>(fields);
    }
}
