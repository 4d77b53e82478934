package fr.relais.cps.revocation;

import java.math.BigInteger;
import java.time.Instant;

import javax.security.auth.x500.X500Principal;

/**
 * One verified CRL, ready for lookups.
 *
 * @param nextUpdate when the authority promises a newer list
 * @param crlNumber  the CRL number extension, null when absent
 * @param coverage   which of the authority's certificates the list speaks for
 */
public record CrlSnapshot(X500Principal issuer, Instant thisUpdate, Instant nextUpdate, BigInteger crlNumber,
                          Coverage coverage, SerialSet revoked) {

    /**
     * An issuing distribution point (RFC 5280 §5.2.5) can restrict a CRL to the end-entity certificates
     * of its authority (cards) or to its authority certificates (an ARL). A serial missing from a list
     * that does not cover its certificate says nothing about it.
     */
    public enum Coverage {
        ALL, END_ENTITIES, AUTHORITIES;

        public boolean covers(boolean authorityCertificate) {
            return this == ALL || (this == AUTHORITIES) == authorityCertificate;
        }
    }

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
