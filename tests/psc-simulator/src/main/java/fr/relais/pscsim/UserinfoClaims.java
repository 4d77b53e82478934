package fr.relais.pscsim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What PSC's userinfo says about a professional, in the shape and order of the real sandbox sample. */
final class UserinfoClaims {

    static final String PROFESSION_OID = "1.2.250.1.213.1.1.5.5";
    static final String SECTOR_OID = "1.2.250.1.71.4.2.4";

    private UserinfoClaims() {
    }

    static Map<String, Object> of(Professional professional, String authMode, String subjectPrefix) {
        Activity firstActivity = firstActivity(professional);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subjectPrefix + professional.idNat());
        claims.put("preferred_username", professional.idNat());
        claims.put("SubjectNameID", professional.idNat());
        claims.put("given_name", professional.givenName());
        claims.put("family_name", professional.familyName());
        claims.put("SubjectOrganization", firstActivity == null ? "" : firstActivity.raisonSocialeSite());
        claims.put("SubjectOrganizationID",
                firstActivity == null ? "" : firstActivity.get("identifiantTechniqueDeLaStructure"));
        List<String> roles = new ArrayList<>();
        for (Exercice exercice : professional.exercices()) {
            if (!exercice.codeProfession().isEmpty()) {
                roles.add(exercice.codeProfession() + "^" + PROFESSION_OID);
            }
        }
        claims.put("SubjectRole", roles);
        String sector = firstActivity == null ? "" : firstActivity.get("codeSecteurDactivite");
        claims.put("Secteur_Activite", sector.isEmpty() ? "" : sector + "^" + SECTOR_OID);
        // Constants copied from the sample: they describe the PSC platform, not the person.
        claims.put("Palier_Authentification", "APPPRIP3^1.2.250.1.213.1.5.1.1.1");
        claims.put("PSI_Locale", "1.2.250.1.213.1.3.1.1");
        claims.put("Mode_Acces_Raison", "");
        claims.put("Acces_Regulation_Medicale", "FAUX");
        claims.put("UITVersion", "1.0");
        claims.put("authMode", authMode);
        claims.put("otherIds", otherIds(professional));
        Map<String, Object> refPro = new LinkedHashMap<>();
        refPro.put("codeCivilite", professional.codeCivilite());
        List<Object> exercices = new ArrayList<>();
        for (Exercice exercice : professional.exercices()) {
            exercices.add(exercice.toClaim());
        }
        refPro.put("exercices", exercices);
        claims.put("SubjectRefPro", refPro);
        return claims;
    }

    static List<Object> otherIds(Professional professional) {
        Map<String, Object> id = new LinkedHashMap<>();
        id.put("identifiant", professional.idNat());
        id.put("origine", professional.idOrigin());
        id.put("qualite", 1);
        return List.of(id);
    }

    private static Activity firstActivity(Professional professional) {
        for (Exercice exercice : professional.exercices()) {
            if (!exercice.activities().isEmpty()) {
                return exercice.activities().get(0);
            }
        }
        return null;
    }
}
