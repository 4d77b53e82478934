package fr.relais.continuity.preparedness;

import java.util.Collection;

/**
 * How prepared a realm is for an outage: among active professionals, how many hold a means that
 * works without Pro Santé Connect.
 *
 * @param activeUsers   enabled accounts of people (service accounts excluded)
 * @param withOtp       of those, how many have an OTP credential
 * @param withWebAuthn  how many have a FIDO2/WebAuthn credential
 * @param covered       how many have at least one of the two
 */
public record Coverage(long activeUsers, long withOtp, long withWebAuthn, long covered) {

    public static final Coverage EMPTY = new Coverage(0, 0, 0, 0);

    /** Share of active users covered, 0 to 1; 1 for a realm without users (nobody is left out). */
    public double share() {
        return activeUsers == 0 ? 1.0 : (double) covered / activeUsers;
    }

    public long uncovered() {
        return activeUsers - covered;
    }

    /** Adds one active user, described by the types of the credentials they hold. */
    public Coverage plus(Collection<String> credentialTypes) {
        boolean otp = credentialTypes.contains(OfflineMeans.OTP);
        boolean webAuthn = credentialTypes.contains(OfflineMeans.WEBAUTHN) || credentialTypes.contains(OfflineMeans.WEBAUTHN_PASSWORDLESS);
        return new Coverage(activeUsers + 1, withOtp + (otp ? 1 : 0), withWebAuthn + (webAuthn ? 1 : 0),
                covered + (otp || webAuthn ? 1 : 0));
    }
}
