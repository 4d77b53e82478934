package fr.relais.psc.domain;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads {@code SubjectRefPro} from PSC's userinfo. Lenient on purpose: a missing or malformed claim
 * gives an empty record (the login still works, no practice is selected), unknown fields are kept,
 * non-string values are kept as their text, and a claim sent as a JSON string is unwrapped.
 */
public final class SubjectRefProParser {

    public static final String CLAIM = "SubjectRefPro";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SubjectRefProParser() {
    }

    public static SubjectRefPro fromUserInfo(JsonNode userInfo) {
        if (userInfo == null) {
            return SubjectRefPro.empty();
        }
        return parse(userInfo.get(CLAIM));
    }

    public static SubjectRefPro parse(JsonNode claim) {
        if (claim != null && claim.isTextual()) {
            try {
                claim = JSON.readTree(claim.asText());
            } catch (IOException e) {
                return SubjectRefPro.empty();
            }
        }
        if (claim == null || !claim.isObject()) {
            return SubjectRefPro.empty();
        }
        List<Exercice> exercices = new ArrayList<>();
        JsonNode list = claim.get("exercices");
        if (list != null && list.isArray()) {
            for (JsonNode exercice : list) {
                if (exercice.isObject()) {
                    exercices.add(exercice(exercice));
                }
            }
        }
        return new SubjectRefPro(text(claim.get("codeCivilite")), exercices);
    }

    private static Exercice exercice(JsonNode node) {
        List<Activity> activities = new ArrayList<>();
        JsonNode list = node.get("activities");
        if (list != null && list.isArray()) {
            for (JsonNode activity : list) {
                if (activity.isObject()) {
                    activities.add(new Activity(scalarFields(activity)));
                }
            }
        }
        return new Exercice(scalarFields(node), activities);
    }

    private static Map<String, String> scalarFields(JsonNode node) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                fields.put(field.getKey(), field.getValue().asText());
            }
        }
        return fields;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asText();
    }
}
