package fr.relais.continuity.preparedness;

import java.util.Set;

/**
 * Keycloak credential types that let a professional sign in with Pro Santé Connect unreachable:
 * a one-time code app, or a FIDO2 security key (two-factor or passwordless). The CPS card also works
 * offline but leaves no credential in Keycloak, so it is not counted here.
 */
public final class OfflineMeans {

    public static final String OTP = "otp";
    public static final String WEBAUTHN = "webauthn";
    public static final String WEBAUTHN_PASSWORDLESS = "webauthn-passwordless";

    public static final Set<String> CREDENTIAL_TYPES = Set.of(OTP, WEBAUTHN, WEBAUTHN_PASSWORDLESS);

    private OfflineMeans() {
    }

    public static boolean isOfflineCapable(String credentialType) {
        return CREDENTIAL_TYPES.contains(credentialType);
    }
}
