package fr.relais.cps.revocation;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    /** The stored CRL's answer alone, for a card (an end-entity certificate). */
    public RevocationStatus check(BigInteger serial, X509Certificate authority, Instant now, Duration grace) {
        return check(serial, false, authority, now, grace);
    }

    /**
     * The intermediate authorities of a verified path, each by the stored CRL of the authority above it
     * (an ARL, from a root): a revoked intermediate takes every card it issued with it. CRLs only, no
     * OCSP, and the same grace as the cards' CRLs.
     *
     * @param path the card, then its issuer, and so on up to the root
     * @return one status per intermediate authority, from the card's issuer upwards
     */
    public List<AuthorityStatus> checkAuthorities(List<X509Certificate> path, Instant now, Duration grace) {
        List<AuthorityStatus> statuses = new ArrayList<>();
        for (int i = 1; i < path.size() - 1; i++) {
            X509Certificate authority = path.get(i);
            statuses.add(new AuthorityStatus(authority, check(authority.getSerialNumber(), true, path.get(i + 1), now, grace)));
        }
        return statuses;
    }

    /** An intermediate authority of a card's path and what its issuer's stored CRL says of it. */
    public record AuthorityStatus(X509Certificate authority, RevocationStatus status) {
    }

    private RevocationStatus check(BigInteger serial, boolean authorityCertificate, X509Certificate issuer, Instant now,
                                   Duration grace) {
        CrlSnapshot crl = store.latest(issuer).orElse(null);
        if (crl == null || !crl.coverage().covers(authorityCertificate)) {
            return new RevocationStatus.NoCrl();
        }
        Duration age = Duration.between(crl.thisUpdate(), now);
        if (crl.isRevoked(serial)) {
            // A revocation stays a revocation, however old the list.
            return new RevocationStatus.Revoked(age);
        }
        if (!now.isAfter(crl.nextUpdate())) {
            return new RevocationStatus.Good(age, false);
        }
        Duration overdue = Duration.between(crl.nextUpdate(), now);
        if (overdue.compareTo(grace) <= 0) {
            return new RevocationStatus.Good(age, true);
        }
        return new RevocationStatus.Stale(age, overdue);
    }
}
