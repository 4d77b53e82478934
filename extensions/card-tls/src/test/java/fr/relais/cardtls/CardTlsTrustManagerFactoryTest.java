package fr.relais.cardtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.relais.testpki.IssuedCertificate;
import fr.relais.testpki.TestPki;

class CardTlsTrustManagerFactoryTest {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final String IDNAT = "810002345678";

    private static TestPki pki;
    private static X509Certificate[] valid;
    private static X509Certificate[] expired;
    private static X509Certificate[] signatureOnly;
    private static X509Certificate[] forged;
    private static Provider provider;

    @BeforeAll
    static void issueCards() {
        pki = TestPki.generate();
        valid = chain(pki.card(IDNAT).issue());
        Instant now = Instant.now();
        expired = chain(pki.card(IDNAT).notBefore(now.minus(Duration.ofDays(400))).notAfter(now.minus(Duration.ofDays(1))).issue());
        signatureOnly = chain(pki.card(IDNAT).signatureKeyUsage().issue());
        // Another hierarchy with the same names: a look-alike of the real authority.
        forged = chain(TestPki.generate().card(IDNAT).issue());
        CardTlsSecurityProvider.install();
        provider = Security.getProvider(CardTlsSecurityProvider.NAME);
    }

    @AfterEach
    void serverHasNotTakenOverTheCheck() {
        Security.setProperty(CardTlsSecurityProvider.PRESENT_UNVERIFIED_PROPERTY, "false");
    }

    @Test
    void installingMakesTheProvidersTrustManagerTheJvmDefaultOnce() {
        CardTlsSecurityProvider.install();

        assertThat(TrustManagerFactory.getDefaultAlgorithm()).isEqualTo(CardTlsSecurityProvider.ALGORITHM);
        assertThat(List.of(Security.getProviders())).filteredOn(p -> p.getName().equals(CardTlsSecurityProvider.NAME)).hasSize(1);
    }

    @Test
    void anOrdinaryTrustStoreKeepsTheJdksCheckEvenOnceTheServerVerifiesCards() throws Exception {
        serverVerifiesCardsItself();
        X509ExtendedTrustManager manager = managerFor(anchors("PKCS12"));

        assertThat(manager.getClass().getName()).doesNotContain("CardPresenting");
        assertThatCode(() -> manager.checkClientTrusted(valid, "RSA")).doesNotThrowAnyException();
        assertThatThrownBy(() -> manager.checkClientTrusted(forged, "RSA")).isInstanceOf(CertificateException.class);
        assertThatThrownBy(() -> manager.checkClientTrusted(expired, "RSA")).isInstanceOf(CertificateException.class);
    }

    /** Outgoing connections (PSC, CRL servers) and the cluster transport init the default factory with no store. */
    @Test
    void theJvmsDefaultTrustKeepsTheJdksCheckEvenOnceTheServerVerifiesCards() throws Exception {
        serverVerifiesCardsItself();
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        X509ExtendedTrustManager manager = (X509ExtendedTrustManager) factory.getTrustManagers()[0];

        assertThat(factory.getProvider().getName()).isEqualTo(CardTlsSecurityProvider.NAME);
        assertThat(manager.getClass().getName()).doesNotContain("CardPresenting");
        assertThatThrownBy(() -> manager.checkServerTrusted(chain(pki.serverCertificate("relais.test")), "RSA"))
                .isInstanceOf(CertificateException.class);
        assertThatThrownBy(() -> manager.checkClientTrusted(valid, "RSA")).isInstanceOf(CertificateException.class);
    }

    @Test
    void theCardTrustStoreRefusesWhatPkixRefusesUntilTheServerVerifiesCardsItself() throws Exception {
        X509ExtendedTrustManager manager = managerFor(anchors(CardTlsSecurityProvider.CARD_TRUST_STORE_TYPE));

        assertThatCode(() -> manager.checkClientTrusted(valid, "RSA", (SSLEngine) null)).doesNotThrowAnyException();
        for (X509Certificate[] refused : List.of(forged, expired, signatureOnly)) {
            assertThatThrownBy(() -> manager.checkClientTrusted(refused, "RSA", (SSLEngine) null))
                    .isInstanceOf(CertificateException.class);
            assertThatThrownBy(() -> manager.checkClientTrusted(refused, "RSA")).isInstanceOf(CertificateException.class);
        }
    }

    @Test
    void onceTheServerVerifiesCardsTheCardTrustStoreLetsUnverifiedCardsCompleteTheHandshake() throws Exception {
        X509ExtendedTrustManager manager = managerFor(anchors(CardTlsSecurityProvider.CARD_TRUST_STORE_TYPE));
        serverVerifiesCardsItself();

        for (X509Certificate[] presented : List.of(valid, forged, expired, signatureOnly)) {
            assertThatCode(() -> manager.checkClientTrusted(presented, "RSA", (SSLEngine) null)).doesNotThrowAnyException();
            assertThatCode(() -> manager.checkClientTrusted(presented, "RSA")).doesNotThrowAnyException();
        }
    }

    @Test
    void theVerifierGivesTheServerTheCardEndpointsStrictCheck() throws Exception {
        managerFor(anchors(CardTlsSecurityProvider.CARD_TRUST_STORE_TYPE));
        serverVerifiesCardsItself();

        TrustManagerFactory verifier = TrustManagerFactory.getInstance(CardTlsSecurityProvider.VERIFIER, provider);
        verifier.init((KeyStore) null);
        TrustManager[] managers = verifier.getTrustManagers();

        assertThat(managers).hasSize(1);
        X509ExtendedTrustManager strict = (X509ExtendedTrustManager) managers[0];
        assertThatCode(() -> strict.checkClientTrusted(valid, "RSA")).doesNotThrowAnyException();
        for (X509Certificate[] refused : List.of(forged, expired, signatureOnly)) {
            assertThatThrownBy(() -> strict.checkClientTrusted(refused, "RSA")).isInstanceOf(CertificateException.class);
        }
    }

    @Test
    void serverCertificatesAndAnnouncedAuthoritiesStayStrictAtTheCardEndpoint() throws Exception {
        X509ExtendedTrustManager manager = managerFor(anchors(CardTlsSecurityProvider.CARD_TRUST_STORE_TYPE));
        serverVerifiesCardsItself();
        X509Certificate[] lookAlikeServer = chain(TestPki.generate().serverCertificate("relais.test"));

        assertThatCode(() -> manager.checkServerTrusted(chain(pki.serverCertificate("relais.test")), "RSA"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> manager.checkServerTrusted(lookAlikeServer, "RSA")).isInstanceOf(CertificateException.class);
        assertThatThrownBy(() -> manager.checkServerTrusted(lookAlikeServer, "RSA", (SSLEngine) null))
                .isInstanceOf(CertificateException.class);
        assertThat(manager.getAcceptedIssuers()).containsExactlyInAnyOrderElementsOf(pki.trustAnchors());
    }

    @Test
    void theCardTrustStoreIsAnOrdinaryPkcs12File() throws Exception {
        KeyStore written = anchors("PKCS12");
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        written.store(file, PASSWORD);

        KeyStore cards = KeyStore.getInstance(CardTlsSecurityProvider.CARD_TRUST_STORE_TYPE, provider);
        cards.load(new ByteArrayInputStream(file.toByteArray()), PASSWORD);

        assertThat(cards.size()).isEqualTo(pki.trustAnchors().size());
        assertThat(Collections.list(cards.aliases())).allSatisfy(alias -> {
            assertThat(cards.isCertificateEntry(alias)).isTrue();
            assertThat(pki.trustAnchors()).contains((X509Certificate) cards.getCertificate(alias));
        });
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        cards.store(again, PASSWORD);
        KeyStore reread = KeyStore.getInstance("PKCS12");
        reread.load(new ByteArrayInputStream(again.toByteArray()), PASSWORD);
        assertThat(reread.size()).isEqualTo(cards.size());
    }

    private static void serverVerifiesCardsItself() {
        Security.setProperty(CardTlsSecurityProvider.PRESENT_UNVERIFIED_PROPERTY, "true");
    }

    private static X509ExtendedTrustManager managerFor(KeyStore store) throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(CardTlsSecurityProvider.ALGORITHM, provider);
        factory.init(store);
        TrustManager[] managers = factory.getTrustManagers();
        assertThat(managers).hasSize(1);
        return (X509ExtendedTrustManager) managers[0];
    }

    private static KeyStore anchors(String type) throws Exception {
        KeyStore store = "PKCS12".equals(type) ? KeyStore.getInstance(type) : KeyStore.getInstance(type, provider);
        store.load(null, PASSWORD);
        int i = 0;
        for (X509Certificate anchor : pki.trustAnchors()) {
            store.setCertificateEntry("anchor-" + i++, anchor);
        }
        return store;
    }

    /** What a client presents: the certificate and its issuers, without the root. */
    private static X509Certificate[] chain(IssuedCertificate issued) {
        List<X509Certificate> chain = issued.chain();
        return chain.subList(0, chain.size() - 1).toArray(X509Certificate[]::new);
    }
}
