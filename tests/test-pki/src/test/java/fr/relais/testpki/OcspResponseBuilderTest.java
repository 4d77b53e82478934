package fr.relais.testpki;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;

/** Checked with BouncyCastle's own OCSP classes, independently of any relying party's code. */
class OcspResponseBuilderTest {

    private final CertificateAuthority ca = Fixtures.PKI.fortPersonnes();
    private final IssuedCertificate card = Fixtures.PKI.card("810001045370").ocspUrl("http://ocsp.relais.test/fort").issue();
    /** The nonce extension's value: an OCTET STRING holding the nonce (RFC 8954). */
    private final byte[] nonce = {0x04, 0x04, 1, 2, 3, 4};

    @Test
    void defaultResponseIsGoodSignedByTheCaAndEchoesTheNonce() throws Exception {
        BasicOCSPResp response = basic(ca.ocspResponse(request(card.certificate().getSerialNumber())).buildDer());
        assertThat(response.isSignatureValid(new JcaContentVerifierProviderBuilder().build(ca.certificate().getPublicKey())))
                .isTrue();
        assertThat(response.getResponses()).hasSize(1);
        assertThat(response.getResponses()[0].getCertStatus()).isEqualTo(CertificateStatus.GOOD);
        assertThat(response.getResponses()[0].getCertID().getSerialNumber()).isEqualTo(card.certificate().getSerialNumber());
        assertThat(response.getResponses()[0].getNextUpdate()).isNotNull();
        assertThat(response.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getOctets()).isEqualTo(nonce);
    }

    @Test
    void statusesResponderAndBrokenVariants() throws Exception {
        byte[] request = request(card.certificate().getSerialNumber());
        Instant revokedAt = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
        RevokedStatus revoked = (RevokedStatus) basic(ca.ocspResponse(request).revoked(revokedAt).buildDer())
                .getResponses()[0].getCertStatus();
        assertThat(revoked.getRevocationTime().toInstant()).isEqualTo(revokedAt);
        assertThat(basic(ca.ocspResponse(request).status(OcspResponseBuilder.Status.UNKNOWN).buildDer())
                .getResponses()[0].getCertStatus()).isInstanceOf(UnknownStatus.class);

        IssuedCertificate responder = ca.ocspResponder(true);
        assertThat(responder.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.9");
        assertThat(ca.ocspResponder(false).certificate().getExtendedKeyUsage()).doesNotContain("1.3.6.1.5.5.7.3.9");
        BasicOCSPResp delegated = basic(ca.ocspResponse(request).signedBy(responder).buildDer());
        assertThat(delegated.getCerts()).hasSize(1);
        assertThat(delegated.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder.certificate().getPublicKey())))
                .isTrue();

        BasicOCSPResp badlySigned = basic(ca.ocspResponse(request).signingKey(responder.privateKey()).buildDer());
        assertThat(badlySigned.isSignatureValid(new JcaContentVerifierProviderBuilder().build(ca.certificate().getPublicKey())))
                .isFalse();
        BasicOCSPResp other = basic(ca.ocspResponse(request).forSerial(BigInteger.TEN).withoutNonce().withoutNextUpdate().buildDer());
        assertThat(other.getResponses()[0].getCertID().getSerialNumber()).isEqualTo(BigInteger.TEN);
        assertThat(other.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce)).isNull();
        assertThat(other.getResponses()[0].getNextUpdate()).isNull();
        assertThat(new OCSPResp(OcspResponseBuilder.unsuccessful(OCSPResp.TRY_LATER)).getStatus()).isEqualTo(OCSPResp.TRY_LATER);
    }

    @Test
    void cardNamesItsResponderAndTheResponderAnswersOverHttp() throws Exception {
        AuthorityInformationAccess access = AuthorityInformationAccess.fromExtensions(
                new JcaX509CertificateHolder(card.certificate()).getExtensions());
        assertThat(access.getAccessDescriptions()).anySatisfy(d -> {
            assertThat(d.getAccessMethod()).isEqualTo(AccessDescription.id_ad_ocsp);
            assertThat(d.getAccessLocation().getName().toString()).isEqualTo("http://ocsp.relais.test/fort");
        });
        try (OcspResponder responder = OcspResponder.start(ca)) {
            responder.status(card.certificate().getSerialNumber(), OcspResponseBuilder.Status.REVOKED);
            HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(responder.url()))
                    .header("Content-Type", "application/ocsp-request")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request(card.certificate().getSerialNumber()))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(basic(answer.body()).getResponses()[0].getCertStatus()).isInstanceOf(RevokedStatus.class);
            assertThat(responder.requests()).isEqualTo(1);
        }
    }

    private byte[] request(BigInteger serial) throws Exception {
        X509Certificate issuer = ca.certificate();
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(issuer), serial);
        return new OCSPReqBuilder().addRequest(id).setRequestExtensions(new Extensions(
                new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, nonce))).build().getEncoded();
    }

    private static BasicOCSPResp basic(byte[] der) throws Exception {
        OCSPResp response = new OCSPResp(der);
        assertThat(response.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        return (BasicOCSPResp) response.getResponseObject();
    }
}
