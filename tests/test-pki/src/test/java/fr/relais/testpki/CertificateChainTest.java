package fr.relais.testpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.Signature;
import java.security.cert.CertPathValidatorException;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Everything the PKI issues must validate with the JDK's PKIX validator, against the right root only. */
class CertificateChainTest {

    static Stream<Arguments> cards() {
        TestPki pki = Fixtures.PKI;
        return Stream.of(
                Arguments.of(CardType.CPS, "810001045367", pki.fortPersonnes(), pki.fortRoot()),
                Arguments.of(CardType.CPF, "899700252581", pki.fortPersonnes(), pki.fortRoot()),
                Arguments.of(CardType.CPE, "3750000001/EMP0001", pki.standardPersonnes(), pki.standardRoot()),
                Arguments.of(CardType.CPA, "5123456789/CPA0001", pki.standardPersonnes(), pki.standardRoot()));
    }

    @ParameterizedTest
    @MethodSource("cards")
    void cardChainsToTheRootOfItsRange(CardType type, String idNat, CertificateAuthority issuer,
            CertificateAuthority root) throws Exception {
        IssuedCertificate card = Fixtures.PKI.card(idNat).cardType(type).issue();

        assertThat(card.certificate().getIssuerX500Principal()).isEqualTo(issuer.certificate().getSubjectX500Principal());
        assertThat(card.chain()).containsExactly(card.certificate(), issuer.certificate(), root.certificate());
        PKIXCertPathValidatorResult result = Fixtures.validate(card.chain(), Fixtures.PKI.trustAnchors());
        assertThat(result.getTrustAnchor().getTrustedCert()).isEqualTo(root.certificate());
        assertThat(card.certificate().getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.2");
    }

    @Test
    void cardTypeDefaultsFromTheIdentifier() {
        assertThat(Fixtures.PKI.card("899700252580").issue().certificate().getIssuerX500Principal())
                .isEqualTo(Fixtures.PKI.fortPersonnes().certificate().getSubjectX500Principal());
        assertThat(Fixtures.PKI.card("3750000001/EMP0001").issue().certificate().getIssuerX500Principal())
                .isEqualTo(Fixtures.PKI.standardPersonnes().certificate().getSubjectX500Principal());
    }

    @Test
    void everyCaChainsToItsRoot() throws Exception {
        for (CertificateAuthority ca : Fixtures.PKI.authorities()) {
            if (!ca.isRoot()) {
                assertThat(ca.chain()).hasSize(2);
                Fixtures.validate(ca.chain(), Fixtures.PKI.trustAnchors());
            }
        }
        assertThat(Fixtures.PKI.authorities()).extracting(CertificateAuthority::shortName).containsExactly(
                "ACR-FO-TEST", "ACI-FO-PP-TEST", "ACR-ST-TEST", "ACI-ST-PP-TEST", "ACR-EL-TEST", "ACI-EL-ORG-TEST");
        assertThat(Fixtures.PKI.trustAnchors()).containsExactly(Fixtures.PKI.fortRoot().certificate(),
                Fixtures.PKI.standardRoot().certificate(), Fixtures.PKI.elementaireRoot().certificate());
    }

    @Test
    void serverCertificateIsForTlsServersAndChainsToElementaire() throws Exception {
        IssuedCertificate server = Fixtures.PKI.serverCertificate("relais.local", "127.0.0.1", "::1");

        assertThat(server.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(server.certificate().getSubjectAlternativeNames())
                .containsExactlyInAnyOrder(List.of(2, "relais.local"), List.of(7, "127.0.0.1"),
                        List.of(7, "0:0:0:0:0:0:0:1"));
        assertThat(server.certificate().getBasicConstraints()).isEqualTo(-1);
        PKIXCertPathValidatorResult result = Fixtures.validate(server.chain(), Fixtures.PKI.trustAnchors());
        assertThat(result.getTrustAnchor().getTrustedCert()).isEqualTo(Fixtures.PKI.elementaireRoot().certificate());
    }

    @Test
    void ecServerCertificateHasAP256KeyThatOnlySignsAndChainsToElementaire() throws Exception {
        IssuedCertificate server = Fixtures.PKI.ecServerCertificate("localhost", "127.0.0.1");

        ECPublicKey key = (ECPublicKey) server.certificate().getPublicKey();
        assertThat(key.getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(server.certificate().getKeyUsage()).as("digitalSignature only: no key encipherment with EC")
                .startsWith(true, false, false, false, false);
        assertThat(server.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(server.privateKey());
        signer.update(new byte[] {1, 2, 3});
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(key);
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signer.sign())).as("the private key is the certificate's").isTrue();
        PKIXCertPathValidatorResult result = Fixtures.validate(server.chain(), Fixtures.PKI.trustAnchors());
        assertThat(result.getTrustAnchor().getTrustedCert()).isEqualTo(Fixtures.PKI.elementaireRoot().certificate());
    }

    @Test
    void cardFromAnImpostorCaWithTheSameNamesDoesNotValidate() {
        CertificateAuthority impostor = TestPki.generate().fortPersonnes();
        IssuedCertificate card = Fixtures.PKI.card("899700252580").issuer(impostor).issue();

        assertThat(card.certificate().getIssuerX500Principal())
                .isEqualTo(Fixtures.PKI.fortPersonnes().certificate().getSubjectX500Principal());
        assertThatThrownBy(() -> Fixtures.validate(card.chain(), Fixtures.PKI.trustAnchors()))
                .isInstanceOf(CertPathValidatorException.class);
    }
}
