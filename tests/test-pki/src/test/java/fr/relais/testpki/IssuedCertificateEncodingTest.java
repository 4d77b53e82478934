package fr.relais.testpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PKCS#12 and PEM outputs, as consumed by the JDK, openssl and browser imports. */
class IssuedCertificateEncodingTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    private static IssuedCertificate card;

    @BeforeAll
    static void issue() {
        card = Fixtures.PKI.card("899700252580").issue();
    }

    @Test
    void pkcs12RoundTripsThroughTheJdkKeyStore() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(card.toPkcs12("card", PASSWORD)), PASSWORD);

        assertThat(store.isKeyEntry("card")).isTrue();
        assertThat(store.getKey("card", PASSWORD).getEncoded()).isEqualTo(card.privateKey().getEncoded());
        assertThat(List.of(store.getCertificateChain("card"))).containsExactlyElementsOf(card.chain());
    }

    @Test
    void opensslReadsThePkcs12(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("openssl"), "openssl is not installed");
        Path file = dir.resolve("card.p12");
        card.writePkcs12(file, "card", PASSWORD);

        Process info = run("openssl", "pkcs12", "-info", "-noout", "-in", file.toString(), "-passin", "pass:changeit");
        assertThat(info.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(info.exitValue()).as(output(info)).isZero();

        Process dump = run("openssl", "pkcs12", "-nodes", "-in", file.toString(), "-passin", "pass:changeit");
        String pem = output(dump);
        assertThat(dump.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(dump.exitValue()).as(pem).isZero();
        assertThat(pem).contains("-----BEGIN PRIVATE KEY-----")
                .contains(card.certificatePem().lines().skip(1).findFirst().orElseThrow());
        assertThat(pem.split("-----BEGIN CERTIFICATE-----", -1)).hasSize(1 + card.chain().size());
    }

    @Test
    void nssImportsThePkcs12(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("pk12util") && onPath("certutil"), "NSS tools (libnss3-tools) are not installed");
        Path file = dir.resolve("card.p12");
        card.writePkcs12(file, "card", PASSWORD);
        String database = "sql:" + dir;

        assertThat(exitValue("certutil", "-N", "-d", database, "--empty-password")).isZero();
        assertThat(exitValue("pk12util", "-i", file.toString(), "-d", database, "-W", "changeit")).isZero();
        Process keys = run("certutil", "-K", "-d", database);
        String listing = output(keys);
        assertThat(keys.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(listing).contains("card");
    }

    @Test
    void pemRoundTrips() throws Exception {
        Certificate parsed = CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(card.certificatePem().getBytes(StandardCharsets.US_ASCII)));
        assertThat(parsed).isEqualTo(card.certificate());

        String keyPem = card.privateKeyPem();
        assertThat(keyPem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(keyPem.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64));
        String base64 = keyPem.lines().filter(line -> !line.startsWith("-----")).reduce("", String::concat);
        assertThat(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64))))
                .isEqualTo(card.privateKey());
    }

    @Test
    void trustStorePemHoldsEveryRoot(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("roots.pem");
        Pem.writeTrustStorePem(file, Fixtures.PKI.trustAnchors());

        try (InputStream in = Files.newInputStream(file)) {
            List<Certificate> read = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
            assertThat(read).containsExactlyElementsOf(Fixtures.PKI.trustAnchors());
        }
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, command)));
    }

    private static int exitValue(String... command) throws Exception {
        Process process = run(command);
        String output = output(process);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(output).isTrue();
        return process.exitValue();
    }

    private static Process run(String... command) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String output(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
