package fr.relais.testpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPkiPersistenceTest {

    private static final char[] PASSWORD = "demo-password".toCharArray();

    @Test
    void loadGivesBackTheSavedHierarchy(@TempDir Path dir) throws Exception {
        TestPki.Options options = TestPki.Options.defaults()
                .withCrlBaseUrl("http://localhost:8089/crl/")
                .withCaIssuersBaseUrl("http://localhost:8089/ca")
                .withLeafValidity(Period.ofYears(1));
        TestPki saved = TestPki.generate(options);
        saved.save(dir.resolve("pki"), PASSWORD);

        TestPki loaded = TestPki.load(dir.resolve("pki"), PASSWORD);

        assertThat(loaded.options()).isEqualTo(options);
        assertThat(loaded.options().crlUrl("ACR-FO-TEST")).isEqualTo("http://localhost:8089/crl/ACR-FO-TEST.crl");
        for (int i = 0; i < saved.authorities().size(); i++) {
            CertificateAuthority before = saved.authorities().get(i);
            CertificateAuthority after = loaded.authorities().get(i);
            assertThat(after.shortName()).isEqualTo(before.shortName());
            assertThat(after.chain()).isEqualTo(before.chain());
            assertThat(after.privateKey().getEncoded()).isEqualTo(before.privateKey().getEncoded());
        }
        IssuedCertificate card = loaded.card("899700252580").issue();
        Fixtures.validate(card.chain(), saved.trustAnchors());
        assertThat(card.certificate().getExtensionValue("1.3.6.1.5.5.7.1.1")).isNotNull();
    }

    @Test
    void wrongPasswordIsRejected(@TempDir Path dir) {
        Fixtures.PKI.save(dir, PASSWORD);

        assertThatThrownBy(() -> TestPki.load(dir, "wrong".toCharArray())).isInstanceOf(RuntimeException.class);
    }
}
