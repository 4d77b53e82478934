package fr.relais.cps.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigInteger;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import fr.relais.cps.Pki;

class CardProfileParserTest {

    private final CardProfileParser parser = new CardProfileParser();

    @Test
    void realAnsTestCardParsesToItsHolder() throws Exception {
        X509Certificate ans;
        try (InputStream in = getClass().getResourceAsStream("/ans/ANS-test-card-auth.pem")) {
            ans = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        CardProfile card = parsed(parser.parse(ans));
        assertThat(card.idNatPs()).isEqualTo("899700252580");
        assertThat(card.identifierType()).isEqualTo(IdentifierType.RPPS);
        assertThat(card.rppsNumber()).contains("99700252580");
        assertThat(card.professionCode()).isEqualTo(70);
        assertThat(card.cardType()).isEqualTo(CardType.CPS);
        assertThat(card.testCard()).isTrue();
        assertThat(card.givenName()).isEqualTo("NORBERT");
        assertThat(card.surname()).isEqualTo("KINE-CH");
        assertThat(card.title()).isEqualTo("Masseur-Kinésithérapeute");
        assertThat(card.cardId()).isEqualTo("8025000001/2800383626");
        assertThat(card.upn()).isEqualTo("8.99700252580@carte-cps.fr");
        assertThat(card.serial()).isEqualTo(new BigInteger("63DAFFCFC8034BDCEA3D123663EE473E", 16));
    }

    /** Keycloak's proxy certificate lookups decode the forwarded PEM with BouncyCastle's provider. */
    @Test
    void sameProfileWhateverProviderDecodedTheCertificate() throws Exception {
        X509Certificate jdk;
        try (InputStream in = getClass().getResourceAsStream("/ans/ANS-test-card-auth.pem")) {
            jdk = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        X509Certificate bc = (X509Certificate) CertificateFactory.getInstance("X.509",
                new org.bouncycastle.jce.provider.BouncyCastleProvider())
                .generateCertificate(new java.io.ByteArrayInputStream(jdk.getEncoded()));
        assertThat(bc.getClass()).isNotEqualTo(jdk.getClass());
        assertThat(parsed(parser.parse(bc))).isEqualTo(parsed(parser.parse(jdk)));
        assertThat(parsed(parser.parse(bc)).upn()).isEqualTo("8.99700252580@carte-cps.fr");
    }

    @Test
    void mintedCardsOfEachTypeParse() {
        CardProfile cpf = parsed(parser.parse(Pki.TEST.card("899700100045").cardType(fr.relais.testpki.CardType.CPF)
                .professionCode(10).testCard(false).issue().certificate()));
        assertThat(cpf.cardType()).isEqualTo(CardType.CPF);
        assertThat(cpf.testCard()).isFalse();

        CardProfile cpe = parsed(parser.parse(Pki.TEST.card("3750000001/EMP0001")
                .cardType(fr.relais.testpki.CardType.CPE).issue().certificate()));
        assertThat(cpe.cardType()).isEqualTo(CardType.CPE);
        assertThat(cpe.identifierType()).isEqualTo(IdentifierType.FINESS);
        assertThat(cpe.idNatPs()).isEqualTo("3750000001/EMP0001");
    }

    @Test
    void cpeCardCarryingAnRppsNumberIsRejected() {
        ProfileResult result = parser.parse(Pki.TEST.card("810001045367").cardType(fr.relais.testpki.CardType.CPE)
                .issue().certificate());
        assertThat(rejection(result)).isEqualTo(ProfileRejection.INCONSISTENT_IDENTIFIER);
    }

    @Test
    void malformedIdentifiersAreRejected() {
        assertThat(rejection(parser.parse(Pki.TEST.card("81234").issue().certificate())))
                .isEqualTo(ProfileRejection.INVALID_IDENTIFIER);
        assertThat(rejection(parser.parse(Pki.TEST.card("7123456789").cardType(fr.relais.testpki.CardType.CPS)
                .issue().certificate()))).isEqualTo(ProfileRejection.INVALID_IDENTIFIER);
        assertThat(rejection(parser.parse(Pki.TEST.card("8 9970010001' OR 1=1").issue().certificate())))
                .isEqualTo(ProfileRejection.INVALID_IDENTIFIER);
    }

    @Test
    void garbageAndOversizedInputAreTypedRejections() {
        assertThat(rejection(parser.parse(new byte[] {0x30, 0x03, 0x02, 0x01}))).isEqualTo(ProfileRejection.MALFORMED_CERTIFICATE);
        assertThat(rejection(parser.parse(new byte[0]))).isEqualTo(ProfileRejection.MALFORMED_CERTIFICATE);
        byte[] huge = new byte[CardProfileParser.MAX_CERTIFICATE_BYTES + 1];
        Arrays.fill(huge, (byte) 0x30);
        assertThat(rejection(parser.parse(huge))).isEqualTo(ProfileRejection.OVERSIZED_CERTIFICATE);
    }

    @Test
    void certificateWithoutCardExtensionsIsRejected() {
        // A TLS server certificate: a valid X.509 structure, but no CPx profile.
        X509Certificate server = Pki.TEST.serverCertificate("localhost").certificate();
        assertThat(rejection(parser.parse(server))).isIn(ProfileRejection.INVALID_IDENTIFIER, ProfileRejection.MISSING_CARD_TYPE);
    }

    private static CardProfile parsed(ProfileResult result) {
        assertThat(result).isInstanceOf(ProfileResult.Parsed.class);
        return ((ProfileResult.Parsed) result).profile();
    }

    private static ProfileRejection rejection(ProfileResult result) {
        assertThat(result).isInstanceOf(ProfileResult.Rejected.class);
        return ((ProfileResult.Rejected) result).reason();
    }
}
