package fr.relais.cps.revocation;

import java.math.BigInteger;
import java.time.Instant;

import javax.security.auth.x500.X500Principal;

/**
 * One verified CRL, ready for lookups.
 *
 * @param nextUpdate when the authority promises a newer list; null when the CRL names none
 * @param crlNumber  the CRL number extension, null when absent
 */
public record CrlSnapshot(X500Principal issuer, Instant thisUpdate, Instant nextUpdate, BigInteger crlNumber,
                          SerialSet revoked) {

    public boolean isRevoked(BigInteger serial) {
        return revoked.contains(serial);
    }

    /** True when {@code other} is a later list from the same authority than this one. */
    public boolean isOlderThan(CrlSnapshot other) {
        if (crlNumber != null && other.crlNumber != null) {
            return crlNumber.compareTo(other.crlNumber) < 0;
        }
        return thisUpdate.isBefore(other.thisUpdate);
    }
}
