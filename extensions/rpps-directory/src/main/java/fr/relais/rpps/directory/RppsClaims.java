package fr.relais.rpps.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The RPPS claim of a token, one JSON object: who the professional is in RPPS and what they do at the
 * organisation. Keys are French-named after the ANS nomenclatures the DUI vendors already know.
 */
public final class RppsClaims {

    private RppsClaims() {
    }

    public static Map<String, Object> of(ProfessionalRecord p, Optional<ActivityRecord> atOrganisation) {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("idnat_ps", p.idNat());
        put(claim, "rpps", p.rppsNumber());
        put(claim, "adeli", p.adeliNumber());
        put(claim, "civilite_exercice", p.practiceCivilityCode());
        put(claim, "nom_exercice", p.lastName());
        put(claim, "prenom_exercice", p.firstName());
        put(claim, "profession", coded(p.professionCode(), p.professionLabel()));
        put(claim, "categorie_professionnelle", coded(p.categoryCode(), p.categoryLabel()));
        List<Map<String, Object>> savoirFaire = new ArrayList<>();
        for (SavoirFaireCodec.Entry entry : p.savoirFaire()) {
            Map<String, Object> item = new LinkedHashMap<>();
            put(item, "type", entry.typeCode());
            put(item, "code", entry.code());
            put(item, "libelle", entry.label());
            savoirFaire.add(item);
        }
        if (!savoirFaire.isEmpty()) {
            claim.put("savoir_faire", savoirFaire);
        }
        atOrganisation.ifPresent(activity -> claim.put("activite", activity(activity)));
        return claim;
    }

    /** When the account carries an idNat_PS the directory does not (or no longer) know. */
    public static Map<String, Object> unknown(String idNat) {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("idnat_ps", idNat);
        claim.put("present_rpps", false);
        return claim;
    }

    private static Map<String, Object> activity(ActivityRecord a) {
        Map<String, Object> activity = new LinkedHashMap<>();
        put(activity, "finess_site", a.finessSite());
        put(activity, "finess_ej", a.finessLegalEntity());
        put(activity, "identifiant_structure", a.structureIdNat());
        put(activity, "raison_sociale", a.legalName());
        put(activity, "enseigne", a.tradeName());
        put(activity, "profession", a.professionCode());
        put(activity, "mode_exercice", coded(a.modeCode(), a.modeLabel()));
        put(activity, "secteur_activite", coded(a.sectorCode(), a.sectorLabel()));
        put(activity, "fonction", coded(a.roleCode(), a.roleLabel()));
        put(activity, "genre_activite", coded(a.activityKindCode(), a.activityKindLabel()));
        put(activity, "departement", a.departement());
        return activity;
    }

    private static Map<String, Object> coded(String code, String label) {
        if (code == null && label == null) {
            return null;
        }
        Map<String, Object> value = new LinkedHashMap<>();
        put(value, "code", code);
        put(value, "libelle", label);
        return value;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
