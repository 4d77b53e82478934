package fr.relais.cps.revocation;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

/**
 * Decides revocation from stored CRLs only: the login path never downloads anything. A CRL past its
 * nextUpdate still decides during {@code grace} (logins are then marked), and fails closed after.
 */
public final class RevocationChecker {

    /**
     * IGC-Santé publishes new CRLs every morning; three days covers a long weekend without internet
     * or a broken CRL server while keeping a revoked card's window short.
     */
    public static final Duration DEFAULT_GRACE = Duration.ofHours(72);

    private final RevocationStore store;

    public RevocationChecker(RevocationStore store) {
        this.store = store;
    }

    public RevocationStatus check(BigInteger serial, X509Certificate authority, Instant now, Duration grace) {
        CrlSnapshot crl = store.latest(authority).orElse(null);
        if (crl == null) {
            return new RevocationStatus.NoCrl();
        }
        Duration age = Duration.between(crl.thisUpdate(), now);
        if (crl.isRevoked(serial)) {
            // A revocation stays a revocation, however old the list.
            return new RevocationStatus.Revoked(age);
        }
        if (crl.nextUpdate() == null || !now.isAfter(crl.nextUpdate())) {
            return new RevocationStatus.Good(age, false);
        }
        Duration overdue = Duration.between(crl.nextUpdate(), now);
        if (overdue.compareTo(grace) <= 0) {
            return new RevocationStatus.Good(age, true);
        }
        return new RevocationStatus.Stale(age, overdue);
    }
}
