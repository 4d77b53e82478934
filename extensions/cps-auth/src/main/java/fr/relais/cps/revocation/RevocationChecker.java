package fr.relais.cps.revocation;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Decides revocation from stored CRLs, and from OCSP when a realm turns it on. A CRL past its
 * nextUpdate still decides during {@code grace} (logins are then marked), and fails closed after.
 *
 * <p>With OCSP, the stored CRL stays authoritative for the serials it lists: a card on it is refused
 * without asking the responder, whatever the responder would say. Otherwise a verified OCSP answer
 * decides (good or revoked), even when the stored CRL is stale or missing, since it is newer than any
 * CRL; when OCSP gives no usable answer the stored CRL decides exactly as without OCSP. OCSP alone
 * never accepts a card the CRL would refuse, and its failure never refuses a card the CRL accepts.
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

    /**
     * @param ocsp asks the responder (a network call, bounded in time); null when OCSP is off
     */
    public RevocationVerdict check(BigInteger serial, X509Certificate authority, Instant now, Duration grace,
                                   Supplier<OcspAnswer> ocsp) {
        RevocationStatus crl = check(serial, authority, now, grace);
        if (ocsp == null || crl instanceof RevocationStatus.Revoked) {
            return new RevocationVerdict(outcomeOf(crl), RevocationVerdict.Source.CRL, crl, null);
        }
        OcspAnswer answer = ocsp.get();
        if (answer instanceof OcspAnswer.Good) {
            return new RevocationVerdict(RevocationVerdict.Outcome.NOT_REVOKED, RevocationVerdict.Source.OCSP, crl, null);
        }
        if (answer instanceof OcspAnswer.Revoked) {
            return new RevocationVerdict(RevocationVerdict.Outcome.REVOKED, RevocationVerdict.Source.OCSP, crl, null);
        }
        return new RevocationVerdict(outcomeOf(crl), RevocationVerdict.Source.CRL_AFTER_OCSP_FAILURE, crl,
                (OcspAnswer.Failed) answer);
    }

    private static RevocationVerdict.Outcome outcomeOf(RevocationStatus crl) {
        if (crl instanceof RevocationStatus.Good) {
            return RevocationVerdict.Outcome.NOT_REVOKED;
        }
        if (crl instanceof RevocationStatus.Revoked) {
            return RevocationVerdict.Outcome.REVOKED;
        }
        if (crl instanceof RevocationStatus.NoCrl) {
            return RevocationVerdict.Outcome.NO_CRL;
        }
        return RevocationVerdict.Outcome.CRL_STALE;
    }

    /** The stored CRL's answer alone. */
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
