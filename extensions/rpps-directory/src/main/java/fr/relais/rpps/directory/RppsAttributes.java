package fr.relais.rpps.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The RPPS data of a linked account as Keycloak user attributes: read-only, named {@code rpps_*} so that
 * they never collide with what administrators or HR provisioning set, recomputed from the directory
 * rather than stored on the account.
 */
public final class RppsAttributes {

    public static final String PREFIX = "rpps_";

    /** {@code present}, or {@code absent} when the professional is no longer in the directory. */
    public static final String STATUS = "rpps_status";
    public static final String IDENTIFIER_TYPE = "rpps_identifier_type";
    public static final String RPPS_NUMBER = "rpps_number";
    public static final String ADELI_NUMBER = "rpps_adeli_number";
    public static final String CIVILITY = "rpps_civility";
    public static final String PRACTICE_CIVILITY = "rpps_practice_civility";
    public static final String LAST_NAME = "rpps_last_name";
    public static final String FIRST_NAME = "rpps_first_name";
    public static final String PROFESSION_CODE = "rpps_profession_code";
    public static final String PROFESSION = "rpps_profession";
    public static final String CATEGORY_CODE = "rpps_category_code";
    public static final String CATEGORY = "rpps_category";
    /** One value per savoir-faire: "SM54 Médecine générale". */
    public static final String SAVOIR_FAIRE = "rpps_savoir_faire";
    /** FINESS numbers (site and legal entity) of all activities: what the admin search filters on. */
    public static final String FINESS = "rpps_finess";
    public static final String DEPARTEMENTS = "rpps_departements";
    /** One value per activity, for people: "EHPAD LES CÈDRES (FINESS 690012345), Salarié, 69". */
    public static final String ACTIVITIES = "rpps_activities";
    public static final String UPDATED_AT = "rpps_updated_at";

    /**
     * Kept on the account itself (written by Relais when the directory opens the account, read-only for
     * administrators). Later checks of the link are the imports', kept by idNat_PS in the directory.
     */
    public static final String LINKED_AT = "rpps_linked_at";
    /** Only on the read-only view of a professional who has no account here. */
    public static final String ACCOUNT = "rpps_account";

    public static final String PRESENT = "present";
    public static final String ABSENT = "absent";

    /** Every name above, in display order. */
    public static final List<String> NAMES = List.of(STATUS, IDENTIFIER_TYPE, RPPS_NUMBER, ADELI_NUMBER, CIVILITY,
            PRACTICE_CIVILITY, LAST_NAME, FIRST_NAME, PROFESSION_CODE, PROFESSION, CATEGORY_CODE, CATEGORY,
            SAVOIR_FAIRE, FINESS, DEPARTEMENTS, ACTIVITIES, UPDATED_AT, LINKED_AT, ACCOUNT);

    /** Owned by the directory: recomputed on every read, never written to the account. */
    public static final Set<String> DERIVED = Set.copyOf(NAMES.subList(0, NAMES.indexOf(UPDATED_AT) + 1));

    private RppsAttributes() {
    }

    public static boolean isDerived(String name) {
        return DERIVED.contains(name);
    }

    public static Map<String, List<String>> of(ProfessionalRecord p) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        put(attributes, STATUS, PRESENT);
        put(attributes, IDENTIFIER_TYPE, ProfessionalRecord.RPPS.equals(p.identifierType()) ? "RPPS" : "ADELI");
        put(attributes, RPPS_NUMBER, p.rppsNumber());
        put(attributes, ADELI_NUMBER, p.adeliNumber());
        put(attributes, CIVILITY, p.civilityCode());
        put(attributes, PRACTICE_CIVILITY, p.practiceCivilityLabel());
        put(attributes, LAST_NAME, p.lastName());
        put(attributes, FIRST_NAME, p.firstName());
        put(attributes, PROFESSION_CODE, p.professionCode());
        put(attributes, PROFESSION, p.professionLabel());
        put(attributes, CATEGORY_CODE, p.categoryCode());
        put(attributes, CATEGORY, p.categoryLabel());
        List<String> savoirFaire = new ArrayList<>();
        for (SavoirFaireCodec.Entry entry : p.savoirFaire()) {
            savoirFaire.add(entry.label() == null ? entry.code() : entry.code() + " " + entry.label());
        }
        putAll(attributes, SAVOIR_FAIRE, savoirFaire);
        Set<String> finess = new LinkedHashSet<>();
        Set<String> departements = new LinkedHashSet<>();
        List<String> activities = new ArrayList<>();
        for (ActivityRecord activity : p.activities()) {
            if (activity.finessSite() != null) {
                finess.add(activity.finessSite());
            }
            if (activity.finessLegalEntity() != null) {
                finess.add(activity.finessLegalEntity());
            }
            if (activity.departement() != null) {
                departements.add(activity.departement());
            }
            activities.add(describe(activity));
        }
        putAll(attributes, FINESS, List.copyOf(finess));
        putAll(attributes, DEPARTEMENTS, List.copyOf(departements));
        putAll(attributes, ACTIVITIES, activities);
        put(attributes, UPDATED_AT, Instant.ofEpochMilli(p.updatedAt()).toString());
        return attributes;
    }

    /** What a linked account shows once its professional has left the directory. */
    public static Map<String, List<String>> absent() {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        put(attributes, STATUS, ABSENT);
        return attributes;
    }

    static String describe(ActivityRecord activity) {
        StringBuilder text = new StringBuilder();
        String name = activity.displayName();
        text.append(name != null ? name : "Structure sans nom");
        if (activity.finessSite() != null) {
            text.append(" (FINESS ").append(activity.finessSite()).append(')');
        }
        if (activity.modeLabel() != null) {
            text.append(", ").append(activity.modeLabel());
        }
        if (activity.departement() != null) {
            text.append(", ").append(activity.departement());
        }
        return text.toString();
    }

    private static void put(Map<String, List<String>> attributes, String name, String value) {
        if (value != null && !value.isEmpty()) {
            attributes.put(name, List.of(value));
        }
    }

    private static void putAll(Map<String, List<String>> attributes, String name, List<String> values) {
        if (!values.isEmpty()) {
            attributes.put(name, List.copyOf(values));
        }
    }
}
