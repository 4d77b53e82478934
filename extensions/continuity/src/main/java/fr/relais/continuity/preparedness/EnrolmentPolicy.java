package fr.relais.continuity.preparedness;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Which means a professional who signed in through Pro Santé Connect, and holds nothing that works
 * without it, is asked to enrol, so that the next outage finds them covered. The answer is the id of
 * the Keycloak required action that enrols that means.
 */
public enum EnrolmentPolicy {

    /** A FIDO2 security key, through Keycloak's {@code webauthn-register}. */
    SECURITY_KEY("security-key", "webauthn-register"),
    /** A one-time code app, through Keycloak's {@code CONFIGURE_TOTP}. */
    ONE_TIME_CODE("one-time-code", "CONFIGURE_TOTP");

    private final String setting;
    private final String requiredAction;

    EnrolmentPolicy(String setting, String requiredAction) {
        this.setting = setting;
        this.requiredAction = requiredAction;
    }

    public String setting() {
        return setting;
    }

    /** The policy a setting names; blank means the default, a security key (the RIE v2 recommended means). */
    public static EnrolmentPolicy parse(String value) {
        if (value == null || value.isBlank()) {
            return SECURITY_KEY;
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (EnrolmentPolicy policy : values()) {
            if (policy.setting.equals(wanted)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("Unknown enrolment means \"" + value + "\": expected security-key or one-time-code");
    }

    /**
     * The required action to add to this login, if any: only after a Pro Santé Connect login (the
     * identity was just proven with two factors, so enrolling now is safe) and only for a user without
     * an offline-capable credential.
     */
    public Optional<String> requiredActionFor(boolean signedInThroughPsc, Collection<String> credentialTypes) {
        if (!signedInThroughPsc || credentialTypes.stream().anyMatch(OfflineMeans::isOfflineCapable)) {
            return Optional.empty();
        }
        return Optional.of(requiredAction);
    }
}
