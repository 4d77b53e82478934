package fr.relais.psc.domain;

import java.util.List;
import java.util.Locale;

/**
 * PSC's {@code authMode} claim: how the professional authenticated at PSC. Only {@code CARD} is
 * confirmed from real tokens; the e-CPS app's value is not documented, so anything else is treated
 * as the app. Both are two-factor means; the RFC 8176 {@code amr} values say which factors.
 */
public final class AuthMode {

    private AuthMode() {
    }

    public static boolean isCard(String authMode) {
        return authMode != null && authMode.trim().toUpperCase(Locale.ROOT).equals("CARD");
    }

    /** Card and PIN, or the e-CPS app (software key on the phone unlocked by a PIN). */
    public static List<String> amr(String authMode) {
        return isCard(authMode) ? List.of("sc", "pin", "mfa", "hwk") : List.of("swk", "pin", "mfa");
    }
}
