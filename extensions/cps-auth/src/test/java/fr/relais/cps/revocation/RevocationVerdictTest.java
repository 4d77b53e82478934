package fr.relais.cps.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import fr.relais.cps.Pki;
import fr.relais.cps.revocation.RevocationVerdict.Outcome;
import fr.relais.cps.revocation.RevocationVerdict.Source;
import fr.relais.testpki.CertificateAuthority;

/** How the stored CRL and OCSP combine into one decision. */
class RevocationVerdictTest {

    private static final BigInteger LISTED = BigInteger.valueOf(7);
    private static final BigInteger NOT_LISTED = BigInteger.valueOf(8);
    private static final Duration GRACE = Duration.ofHours(72);

    private final CertificateAuthority ca = Pki.TEST.fortPersonnes();
    private final X509Certificate authority = ca.certificate();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final RevocationStore store = new RevocationStore();
    private final RevocationChecker checker = new RevocationChecker(store);
    private final AtomicInteger asked = new AtomicInteger();

    @Test
    void withoutOcspTheCrlDecides() throws Exception {
        storeCrl(now, now.plus(Duration.ofDays(1)));
        RevocationVerdict verdict = checker.check(NOT_LISTED, authority, now, GRACE, null);
        assertThat(verdict.outcome()).isEqualTo(Outcome.NOT_REVOKED);
        assertThat(verdict.source()).isEqualTo(Source.CRL);
        assertThat(checker.check(LISTED, authority, now, GRACE, null).outcome()).isEqualTo(Outcome.REVOKED);
    }

    @Test
    void aSerialOnTheStoredCrlIsRefusedWithoutAskingOcsp() throws Exception {
        storeCrl(now, now.plus(Duration.ofDays(1)));
        RevocationVerdict verdict = checker.check(LISTED, authority, now, GRACE, ocsp(new OcspAnswer.Good(now)));
        assertThat(verdict.outcome()).isEqualTo(Outcome.REVOKED);
        assertThat(verdict.source()).isEqualTo(Source.CRL);
        assertThat(asked).hasValue(0);
    }

    @Test
    void ocspRevokedRefusesACardTheCrlDoesNotList() throws Exception {
        storeCrl(now, now.plus(Duration.ofDays(1)));
        RevocationVerdict verdict = checker.check(NOT_LISTED, authority, now, GRACE, ocsp(new OcspAnswer.Revoked(now)));
        assertThat(verdict.outcome()).isEqualTo(Outcome.REVOKED);
        assertThat(verdict.source()).isEqualTo(Source.OCSP);
        assertThat(verdict.ocspFailure()).isNull();
    }

    @Test
    void ocspGoodDecidesEvenOverAStaleOrMissingCrl() throws Exception {
        RevocationVerdict noCrl = checker.check(NOT_LISTED, authority, now, GRACE, ocsp(new OcspAnswer.Good(now)));
        assertThat(noCrl.outcome()).isEqualTo(Outcome.NOT_REVOKED);
        assertThat(noCrl.source()).isEqualTo(Source.OCSP);

        Instant longAgo = now.minus(Duration.ofDays(10));
        storeCrl(longAgo, longAgo.plus(Duration.ofDays(1)));
        RevocationVerdict stale = checker.check(NOT_LISTED, authority, now, GRACE, ocsp(new OcspAnswer.Good(now)));
        assertThat(stale.outcome()).isEqualTo(Outcome.NOT_REVOKED);
        assertThat(stale.crl()).isInstanceOf(RevocationStatus.Stale.class);
        assertThat(stale.inGrace()).isFalse();
    }

    @Test
    void ocspFailureLeavesTheDecisionToTheCrlAndSaysWhy() throws Exception {
        OcspAnswer.Failed timeout = new OcspAnswer.Failed(OcspFailure.TIMEOUT, "no answer");
        RevocationVerdict noCrl = checker.check(NOT_LISTED, authority, now, GRACE, ocsp(timeout));
        assertThat(noCrl.outcome()).isEqualTo(Outcome.NO_CRL);
        assertThat(noCrl.source()).isEqualTo(Source.CRL_AFTER_OCSP_FAILURE);

        Instant twoDaysAgo = now.minus(Duration.ofDays(2));
        storeCrl(twoDaysAgo, twoDaysAgo.plus(Duration.ofDays(1)));
        RevocationVerdict inGrace = checker.check(NOT_LISTED, authority, now, GRACE, ocsp(timeout));
        assertThat(inGrace.outcome()).isEqualTo(Outcome.NOT_REVOKED);
        assertThat(inGrace.source()).isEqualTo(Source.CRL_AFTER_OCSP_FAILURE);
        assertThat(inGrace.ocspFailure()).isEqualTo(timeout);
        assertThat(inGrace.inGrace()).isTrue();
        assertThat(checker.check(NOT_LISTED, authority, now, Duration.ofHours(1), ocsp(timeout)).outcome())
                .isEqualTo(Outcome.CRL_STALE);
        RevocationVerdict unknown = checker.check(NOT_LISTED, authority, now, GRACE,
                ocsp(new OcspAnswer.Failed(OcspFailure.UNKNOWN_STATUS, "unknown")));
        assertThat(unknown.outcome()).isEqualTo(Outcome.NOT_REVOKED);
        assertThat(unknown.ocspFailure().failure()).isEqualTo(OcspFailure.UNKNOWN_STATUS);
        assertThat(asked).hasValue(4);
    }

    private Supplier<OcspAnswer> ocsp(OcspAnswer answer) {
        return () -> {
            asked.incrementAndGet();
            return answer;
        };
    }

    private void storeCrl(Instant thisUpdate, Instant nextUpdate) throws CrlException {
        store.offer(authority, new CrlParser().parse(ca.crl().revoke(LISTED).thisUpdate(thisUpdate).nextUpdate(nextUpdate)
                .crlNumber(BigInteger.valueOf(thisUpdate.getEpochSecond())).buildDer(), authority));
    }
}
