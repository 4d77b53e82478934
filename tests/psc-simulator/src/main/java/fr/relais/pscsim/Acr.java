package fr.relais.pscsim;

import java.util.List;
import java.util.Locale;

/** The eIDAS levels PSC speaks: eidas1 (substantiel, what PSC asks for) &lt; eidas2 &lt; eidas3. */
final class Acr {

    static final String DEFAULT = "eidas1";
    static final List<String> LEVELS = List.of("eidas1", "eidas2", "eidas3");

    private Acr() {
    }

    /** 1, 2 or 3; 0 for anything else (missing, "eidas0", "0"...). */
    static int level(String acr) {
        if (acr == null) {
            return 0;
        }
        int index = LEVELS.indexOf(acr.trim().toLowerCase(Locale.ROOT));
        return index + 1;
    }

    /**
     * The level an {@code acr_values} list asks for: the lowest known value, since any of them is acceptable;
     * eidas1 when the list is absent or names no known level.
     */
    static String requested(String acrValues) {
        String lowest = null;
        if (acrValues != null) {
            for (String value : acrValues.trim().split("\\s+")) {
                if (level(value) > 0 && (lowest == null || level(value) < level(lowest))) {
                    lowest = value.toLowerCase(Locale.ROOT);
                }
            }
        }
        return lowest == null ? DEFAULT : lowest;
    }

    /** A known level, normalised; null when not one. */
    static String normalise(String acr) {
        return level(acr) > 0 ? acr.trim().toLowerCase(Locale.ROOT) : null;
    }
}
