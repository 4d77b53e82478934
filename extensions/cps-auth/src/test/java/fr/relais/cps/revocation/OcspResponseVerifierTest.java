package fr.relais.cps.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.junit.jupiter.api.Test;

import fr.relais.cps.Pki;
import fr.relais.testpki.CertificateAuthority;
import fr.relais.testpki.IssuedCertificate;
import fr.relais.testpki.OcspResponseBuilder;
import fr.relais.testpki.OcspResponseBuilder.Status;
import fr.relais.testpki.TestPki;

class OcspResponseVerifierTest {

    private static final CertificateAuthority CA = Pki.TEST.fortPersonnes();
    private static final IssuedCertificate CARD = Pki.TEST.card("899700000017").givenName("Paul").surname("OCSP").issue();

    private final OcspResponseVerifier verifier = new OcspResponseVerifier();
    private final OcspRequest request = OcspRequest.of(CARD.certificate(), CA.certificate());
    private final Instant now = Instant.now();

    @Test
    void goodAnswerOfTheIssuingCaIsGood() {
        OcspAnswer answer = verify(response());
        assertThat(answer).isInstanceOf(OcspAnswer.Good.class);
        assertThat(((OcspAnswer.Good) answer).thisUpdate()).isBetween(now.minusSeconds(5), now.plusSeconds(5));
    }

    @Test
    void revokedAnswerCarriesTheRevocationTime() {
        Instant revokedAt = now.minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        OcspAnswer answer = verify(response().revoked(revokedAt));
        assertThat(answer).isEqualTo(new OcspAnswer.Revoked(revokedAt));
    }

    @Test
    void unknownIsNotAnAnswer() {
        assertFailure(verify(response().status(Status.UNKNOWN)), OcspFailure.UNKNOWN_STATUS);
    }

    @Test
    void delegatedResponderOfTheIssuingCaIsTrusted() {
        IssuedCertificate responder = CA.ocspResponder(true);
        assertThat(verify(response().signedBy(responder).status(Status.REVOKED))).isInstanceOf(OcspAnswer.Revoked.class);
    }

    @Test
    void signatureThatDoesNotVerifyIsRejected() {
        IssuedCertificate stranger = TestPki.generate().card("899700000025").issue();
        assertFailure(verify(response().signingKey(stranger.privateKey())), OcspFailure.BAD_SIGNATURE);
        IssuedCertificate responder = CA.ocspResponder(true);
        assertFailure(verify(response().signedBy(responder).signingKey(CA.privateKey())), OcspFailure.BAD_SIGNATURE);
    }

    @Test
    void responderOutsideTheCardsAuthorityIsRejected() {
        // Another authority of the same hierarchy answering about this CA's card, itself or by delegation.
        CertificateAuthority other = Pki.TEST.standardPersonnes();
        assertFailure(verify(other.ocspResponse(request.der())), OcspFailure.UNTRUSTED_RESPONDER);
        assertFailure(verify(response().signedBy(other.ocspResponder(true))), OcspFailure.UNTRUSTED_RESPONDER);
        // A look-alike authority with the same name but another key.
        CertificateAuthority lookAlike = TestPki.generate().fortPersonnes();
        assertFailure(verify(lookAlike.ocspResponse(request.der())), OcspFailure.BAD_SIGNATURE);
        assertFailure(verify(lookAlike.ocspResponse(request.der()).signedBy(lookAlike.ocspResponder(true))),
                OcspFailure.UNTRUSTED_RESPONDER);
    }

    @Test
    void certificateOfTheCaWithoutTheOcspSigningPurposeIsNoResponder() {
        assertFailure(verify(response().signedBy(CA.ocspResponder(false))), OcspFailure.UNTRUSTED_RESPONDER);
    }

    @Test
    void staleAnswersAreRejected() {
        Instant twoDaysAgo = now.minus(Duration.ofDays(2));
        assertFailure(verify(response().thisUpdate(twoDaysAgo).nextUpdate(twoDaysAgo.plus(Duration.ofDays(1)))),
                OcspFailure.NOT_FRESH);
        assertFailure(verify(response().thisUpdate(now.plus(Duration.ofHours(1)))), OcspFailure.NOT_FRESH);
        assertFailure(verify(response().withoutNonce().withoutNextUpdate().thisUpdate(now.minus(Duration.ofHours(2)))),
                OcspFailure.NOT_FRESH);
    }

    @Test
    void withoutNonceTheValidityWindowDecides() {
        assertThat(verify(response().withoutNonce())).isInstanceOf(OcspAnswer.Good.class);
        assertThat(verify(response().withoutNonce().withoutNextUpdate())).isInstanceOf(OcspAnswer.Good.class);
        assertThat(verify(response().withoutNonce().thisUpdate(now.minus(Duration.ofDays(2)))
                .nextUpdate(now.plus(Duration.ofDays(1))))).isInstanceOf(OcspAnswer.Good.class);
    }

    @Test
    void answerToAnotherRequestIsReplayAndRejected() {
        OcspRequest earlier = OcspRequest.of(CARD.certificate(), CA.certificate());
        byte[] replayed = CA.ocspResponse(earlier.der()).buildDer();
        assertFailure(verifier.verify(replayed, request, CA.certificate(), now), OcspFailure.NOT_FRESH);
    }

    @Test
    void answerAboutAnotherCertificateIsRejected() {
        BigInteger other = CARD.certificate().getSerialNumber().add(BigInteger.ONE);
        assertFailure(verify(response().forSerial(other)), OcspFailure.WRONG_CERTIFICATE);
        // The same serial under another issuer is another certificate too.
        X509Certificate otherIssuer = Pki.TEST.standardPersonnes().certificate();
        OcspRequest aboutOtherIssuer = OcspRequest.of(CARD.certificate(), otherIssuer);
        byte[] der = CA.ocspResponse(aboutOtherIssuer.der()).buildDer();
        assertFailure(verifier.verify(der, OcspRequest.of(CARD.certificate(), CA.certificate()), CA.certificate(), now),
                OcspFailure.WRONG_CERTIFICATE);
    }

    @Test
    void garbageAndUnsuccessfulResponsesAreRejected() {
        assertFailure(verifier.verify("<html>502 Bad Gateway</html>".getBytes(), request, CA.certificate(), now),
                OcspFailure.MALFORMED);
        assertFailure(verifier.verify(new byte[0], request, CA.certificate(), now), OcspFailure.MALFORMED);
        byte[] good = response().buildDer();
        assertFailure(verifier.verify(Arrays.copyOf(good, good.length / 2), request, CA.certificate(), now),
                OcspFailure.MALFORMED);
        assertFailure(verifier.verify(OcspResponseBuilder.unsuccessful(OCSPRespBuilder.TRY_LATER), request,
                CA.certificate(), now), OcspFailure.UNSUCCESSFUL);
        byte[] tampered = response().status(Status.REVOKED).buildDer();
        tampered[tampered.length - 3] ^= 0x01;
        assertThat(verifier.verify(tampered, request, CA.certificate(), now)).isInstanceOf(OcspAnswer.Failed.class);
    }

    private OcspResponseBuilder response() {
        return CA.ocspResponse(request.der());
    }

    private OcspAnswer verify(OcspResponseBuilder response) {
        return verifier.verify(response.buildDer(), request, CA.certificate(), now);
    }

    private static void assertFailure(OcspAnswer answer, OcspFailure expected) {
        assertThat(answer).isInstanceOf(OcspAnswer.Failed.class);
        assertThat(((OcspAnswer.Failed) answer).failure()).as(((OcspAnswer.Failed) answer).detail()).isEqualTo(expected);
    }
}
