package fr.relais.pscsim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code SubjectRefPro.exercices[]} entry: a profession the person exercises (with its name "d'exercice" and
 * speciality) and the places where they do.
 */
public record Exercice(Map<String, String> fields, List<Activity> activities) {

    /** The field names of the real PSC sandbox sample, in its order ({@code activities} comes last). */
    public static final List<String> FIELDS = List.of(
            "codeProfession", "codeCategorieProfessionnelle", "codeCiviliteDexercice", "nomDexercice",
            "prenomDexercice", "codeTypeSavoirFaire", "codeSavoirFaire");

    public Exercice {
        fields = Collections.unmodifiableMap(Fields.complete(FIELDS, fields));
        activities = activities == null ? List.of() : List.copyOf(activities);
    }

    public static Exercice of(List<Activity> activities, String... namesAndValues) {
        return new Exercice(Fields.pairs(namesAndValues), activities);
    }

    public String get(String name) {
        return fields.getOrDefault(name, "");
    }

    /** The TRE_G15 profession code, e.g. "10" (médecin) or "60" (infirmier). */
    public String codeProfession() {
        return get("codeProfession");
    }

    Map<String, Object> toClaim() {
        Map<String, Object> claim = new LinkedHashMap<>(fields);
        List<Object> list = new ArrayList<>();
        for (Activity activity : activities) {
            list.add(activity.toClaim());
        }
        claim.put("activities", list);
        return claim;
    }
}
