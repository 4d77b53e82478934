package fr.relais.psc.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code acr} values PSC returns, in increasing strength. PSC is asked for {@code eidas1} (the
 * only value it accepts in {@code acr_values}) but answers eidas2 or eidas3 for some means, e.g.
 * card logins, so a minimum is compared, not an exact value.
 */
public enum EidasLevel {
    EIDAS1, EIDAS2, EIDAS3;

    /** @return the level, or empty for an absent or unknown value (never treated as a level) */
    public static Optional<EidasLevel> parse(String acr) {
        if (acr == null) {
            return Optional.empty();
        }
        return switch (acr.trim().toLowerCase(Locale.ROOT)) {
            case "eidas1" -> Optional.of(EIDAS1);
            case "eidas2" -> Optional.of(EIDAS2);
            case "eidas3" -> Optional.of(EIDAS3);
            default -> Optional.empty();
        };
    }

    public boolean isAtLeast(EidasLevel minimum) {
        return compareTo(minimum) >= 0;
    }

    public String acr() {
        return name().toLowerCase(Locale.ROOT);
    }
}
