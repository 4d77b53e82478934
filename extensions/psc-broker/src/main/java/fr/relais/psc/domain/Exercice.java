package fr.relais.psc.domain;

import java.util.List;
import java.util.Map;

/** One {@code SubjectRefPro.exercices[]} entry: a profession and the places it is practised. */
public record Exercice(Map<String, String> fields, List<Activity> activities) {

    public Exercice {
        fields = Map.copyOf(fields);
        activities = List.copyOf(activities);
    }

    public String get(String name) {
        return fields.getOrDefault(name, "");
    }

    /** TRE_G15 profession code, e.g. "10" médecin, "60" infirmier. */
    public String codeProfession() {
        return get("codeProfession");
    }

    /** TRE_R09: "C" civil, "E" étudiant, "M" militaire. */
    public String codeCategorieProfessionnelle() {
        return get("codeCategorieProfessionnelle");
    }

    public String nomDexercice() {
        return get("nomDexercice");
    }

    public String prenomDexercice() {
        return get("prenomDexercice");
    }
}
