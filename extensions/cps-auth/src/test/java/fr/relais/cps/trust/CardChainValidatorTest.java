package fr.relais.cps.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.relais.cps.Pki;
import fr.relais.testpki.CertificateAuthority;
import fr.relais.testpki.TestPki;

class CardChainValidatorTest {

    private final CardChainValidator validator = new CardChainValidator(
            Pki.TEST.authorities().stream().map(CertificateAuthority::certificate).toList(),
            List.of(IgcSanteAuthorities.POLICY_ARC));

    @Test
    void cardFromTheConfiguredHierarchyIsTrustedAndNamesItsIssuer() {
        X509Certificate card = Pki.TEST.card("899700100011").issue().certificate();
        TrustResult result = validator.validate(card, Instant.now());
        assertThat(result).isInstanceOf(TrustResult.Trusted.class);
        assertThat(((TrustResult.Trusted) result).issuer()).isEqualTo(Pki.TEST.fortPersonnes().certificate());
        // The whole path, for the revocation of the authorities above the card.
        assertThat(((TrustResult.Trusted) result).path()).containsExactly(card, Pki.TEST.fortPersonnes().certificate(),
                Pki.TEST.fortRoot().certificate());
    }

    @Test
    void lookAlikeAuthorityWithIdenticalNamesIsUnknown() {
        TestPki impostor = TestPki.generate();
        X509Certificate forged = impostor.card("899700100011").issue().certificate();
        assertThat(forged.getIssuerX500Principal()).isEqualTo(Pki.TEST.fortPersonnes().certificate().getSubjectX500Principal());
        assertThat(reason(validator.validate(forged, Instant.now()))).isEqualTo(TrustRejection.UNKNOWN_CA);
    }

    @Test
    void expiredAndNotYetValidCardsAreRefused() {
        X509Certificate card = Pki.TEST.card("899700100011")
                .notBefore(Instant.now().minus(Duration.ofDays(30))).notAfter(Instant.now().minus(Duration.ofDays(1)))
                .issue().certificate();
        assertThat(reason(validator.validate(card, Instant.now()))).isEqualTo(TrustRejection.EXPIRED);
        X509Certificate future = Pki.TEST.card("899700100011")
                .notBefore(Instant.now().plus(Duration.ofDays(1))).notAfter(Instant.now().plus(Duration.ofDays(30)))
                .issue().certificate();
        assertThat(reason(validator.validate(future, Instant.now()))).isEqualTo(TrustRejection.NOT_YET_VALID);
    }

    @Test
    void productionAnchorsDoNotTrustTestCards() {
        CardChainValidator production = new CardChainValidator(IgcSanteAuthorities.production(),
                List.of(IgcSanteAuthorities.POLICY_ARC));
        assertThat(reason(production.validate(Pki.TEST.card("899700100011").issue().certificate(), Instant.now())))
                .isEqualTo(TrustRejection.UNKNOWN_CA);
    }

    @Test
    void cardOfTheTestHierarchyIsReportedAsTestEvenWithoutItsExtension() {
        List<X509Certificate> test = Pki.TEST.authorities().stream().map(CertificateAuthority::certificate).toList();
        List<X509Certificate> all = new ArrayList<>(IgcSanteAuthorities.production());
        all.addAll(test);
        CardChainValidator mixed = new CardChainValidator(all, test, List.of(IgcSanteAuthorities.POLICY_ARC));
        X509Certificate card = Pki.TEST.card("899700100011").testCard(false).issue().certificate();
        TrustResult result = mixed.validate(card, Instant.now());
        assertThat(result).isInstanceOf(TrustResult.Trusted.class);
        assertThat(((TrustResult.Trusted) result).testHierarchy()).isTrue();
        assertThat(((TrustResult.Trusted) validator.validate(card, Instant.now())).testHierarchy()).isFalse();
    }

    @Test
    void certificateOutsideTheIgcSantePoliciesIsRefused() {
        CardChainValidator strict = new CardChainValidator(
                Pki.TEST.authorities().stream().map(CertificateAuthority::certificate).toList(), List.of("1.2.3.4."));
        assertThat(reason(strict.validate(Pki.TEST.card("899700100011").issue().certificate(), Instant.now())))
                .isEqualTo(TrustRejection.POLICY);
    }

    @Test
    void serverCertificateIsNotACardEvenFromATrustedAuthority() {
        X509Certificate server = Pki.TEST.serverCertificate("localhost").certificate();
        assertThat(validator.validate(server, Instant.now())).isInstanceOf(TrustResult.Untrusted.class);
    }

    private static TrustRejection reason(TrustResult result) {
        assertThat(result).isInstanceOf(TrustResult.Untrusted.class);
        return ((TrustResult.Untrusted) result).reason();
    }
}
