package fr.relais.pscsim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers for the string-to-string field maps of {@link Activity} and {@link Exercice}. */
final class Fields {

    private Fields() {
    }

    /** Every known field in order (empty when absent), then the extra ones; null values become "". */
    static Map<String, String> complete(List<String> known, Map<String, String> given) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String name : known) {
            result.put(name, "");
        }
        if (given != null) {
            given.forEach((name, value) -> result.put(name, value == null ? "" : value));
        }
        return result;
    }

    static Map<String, String> pairs(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Expected name/value pairs");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
