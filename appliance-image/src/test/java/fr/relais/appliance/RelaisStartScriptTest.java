package fr.relais.appliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.relais.testpki.CertificateAuthority;
import fr.relais.testpki.Pem;
import fr.relais.testpki.TestPki;

/**
 * The appliance's entrypoint ({@code relais-start}) on this machine, with a stand-in {@code kc.sh} that
 * records how it was called: configuration file and environment, first-boot secrets and certificates,
 * and the Keycloak options it derives. Runs everywhere (bash + the JDK's keytool), in seconds.
 */
class RelaisStartScriptTest {

    private static final Path SCRIPT = Path.of(System.getProperty("appliance.src", "src/main/appliance"))
            .resolve("rootfs/usr/local/bin/relais-start");
    private static final TestPki PKI = TestPki.generate();

    @TempDir
    Path dir;
    Path conf;
    Path state;
    Path keycloak;
    Path share;

    @BeforeEach
    void layOut() throws IOException {
        conf = dir.resolve("etc/relais.conf");
        state = Files.createDirectories(dir.resolve("state"));
        keycloak = Files.createDirectories(dir.resolve("keycloak/bin"));
        Files.writeString(keycloak.resolve("kc.sh"), """
                #!/bin/bash
                printf '%s\\n' "$@" > "$RELAIS_STATE_DIR/kc-args"
                env | grep -E '^(KC_|RELAIS_|JAVA_OPTS_KC_HEAP)' | sort > "$RELAIS_STATE_DIR/kc-env"
                """);
        Files.setPosixFilePermissions(keycloak.resolve("kc.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        share = Files.createDirectories(dir.resolve("share/igc-sante/production"));
        Files.write(share.resolve("ROOT.cer"), encoded(PKI.fortRoot()));
        Files.write(share.resolve("PERSONNES.cer"), encoded(PKI.fortPersonnes()));
        Files.createDirectories(conf.getParent());
        Pem.writeTrustStorePem(dir.resolve("etc/test-authorities.pem"),
                PKI.authorities().stream().map(CertificateAuthority::certificate).toList());
    }

    @Test
    void firstBootGeneratesSecretsAndCertificatesThenStartsKeycloakOptimized() throws Exception {
        Files.writeString(conf, """
                # Relais
                RELAIS_HOSTNAME=sso.ehpad.test
                RELAIS_DB_URL=jdbc:postgresql://db.ehpad.test:5432/relais
                RELAIS_DB_PASSWORD="pa ss#word"
                RELAIS_ORGANISATION_NAME='EHPAD Les Tilleuls'
                RELAIS_FINESS=010000001
                RELAIS_DUI_URL=https://dui.ehpad.test
                RELAIS_VIATRAJECTOIRE_URL=https://vt.ehpad.test
                RELAIS_CPS_TEST_MODE=true
                RELAIS_CPS_TEST_AUTHORITIES=%s
                RELAIS_CRL_URLS=none
                RELAIS_JAVA_HEAP=1g
                """.formatted(dir.resolve("etc/test-authorities.pem")));

        Result first = run(Map.of());
        assertThat(first.exit()).as(first.output()).isZero();
        List<String> args = Files.readAllLines(state.resolve("kc-args"));
        assertThat(args).startsWith("start", "--optimized").contains(
                "--hostname=https://sso.ehpad.test", "--https-port=8443", "--http-enabled=false",
                "--http-management-port=9000", "--import-realm",
                "--https-key-store-file=" + state.resolve("tls/server.p12"),
                "--https-trust-store-file=" + state.resolve("tls/card-authorities.p12"),
                "--spi-authenticator--relais-cps-card--test-authorities=" + dir.resolve("etc/test-authorities.pem"),
                "--spi-authenticator--relais-cps-card--crl-drop-folder=" + state.resolve("crl"),
                "--spi-authenticator--relais-cps-card--crl-urls=none");
        assertThat(String.join("\n", args)).as("no secret on the command line").doesNotContain("pa ss");

        Properties env = properties(state.resolve("kc-env"));
        assertThat(env.getProperty("KC_DB_URL")).isEqualTo("jdbc:postgresql://db.ehpad.test:5432/relais");
        assertThat(env.getProperty("KC_DB_PASSWORD")).isEqualTo("pa ss#word");
        assertThat(env.getProperty("RELAIS_ORGANISATION_NAME")).isEqualTo("EHPAD Les Tilleuls");
        assertThat(env.getProperty("RELAIS_CPS_TEST_MODE")).isEqualTo("true");
        assertThat(env.getProperty("JAVA_OPTS_KC_HEAP")).isEqualTo("-Xms64m -Xmx1g");
        assertThat(env.getProperty("KC_BOOTSTRAP_ADMIN_USERNAME")).isEqualTo("admin");

        Properties secrets = properties(state.resolve("secrets.env"));
        assertThat(secrets.stringPropertyNames()).containsExactlyInAnyOrder("RELAIS_ADMIN_PASSWORD",
                "RELAIS_DUI_CLIENT_SECRET", "RELAIS_VIATRAJECTOIRE_CLIENT_SECRET", "RELAIS_KEYSTORE_PASSWORD");
        assertThat(secrets.getProperty("RELAIS_DUI_CLIENT_SECRET")).hasSizeGreaterThanOrEqualTo(32)
                .isEqualTo(env.getProperty("RELAIS_DUI_CLIENT_SECRET"));
        assertThat(env.getProperty("KC_BOOTSTRAP_ADMIN_PASSWORD")).isEqualTo(secrets.getProperty("RELAIS_ADMIN_PASSWORD"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("secrets.env"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("tls/server.p12"))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(state.resolve("tls/server.pem"))).startsWith("-----BEGIN CERTIFICATE-----");
        // 2 production files + 4 TEST authorities in one PEM.
        assertThat(first.output()).contains("building the card authorities trust store (3 files)");

        // Second boot: same secrets and certificates, nothing regenerated; the environment wins over the file.
        byte[] serverStore = Files.readAllBytes(state.resolve("tls/server.p12"));
        Result second = run(Map.of("RELAIS_HTTPS_PORT", "443", "RELAIS_PUBLIC_URL", "https://sso.ehpad.test"));
        assertThat(second.exit()).as(second.output()).isZero();
        assertThat(second.output()).doesNotContain("generat").doesNotContain("building");
        assertThat(properties(state.resolve("secrets.env"))).isEqualTo(secrets);
        assertThat(Files.readAllBytes(state.resolve("tls/server.p12"))).isEqualTo(serverStore);
        assertThat(Files.readAllLines(state.resolve("kc-args"))).contains("--https-port=443");
    }

    @Test
    void theShippedExampleConfigurationStartsWithTheSecretsOfFirstBoot() throws Exception {
        Path example = SCRIPT.getParent().getParent().getParent().resolve("share/relais/relais.conf.example");
        Files.copy(example, conf);
        // relais-db-init (VM) writes the database password here; relais.conf leaves it empty.
        Files.writeString(state.resolve("secrets.env"), "RELAIS_DB_PASSWORD=from-db-init\n");
        Result result = run(Map.of());
        assertThat(result.exit()).as(result.output()).isZero();
        Properties env = properties(state.resolve("kc-env"));
        assertThat(env.getProperty("KC_DB_PASSWORD")).isEqualTo("from-db-init");
        assertThat(env.getProperty("KC_DB_URL")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/relais");
        // Pro Santé Connect not configured yet: imported disabled, under an ID its validation accepts.
        assertThat(env.getProperty("RELAIS_PSC_ENABLED")).isEqualTo("false");
        assertThat(env.getProperty("RELAIS_PSC_CLIENT_ID")).isEqualTo("relais-psc-non-configure");
        assertThat(result.output()).contains("RELAIS_PSC_CLIENT_ID is not set");
        assertThat(env.getProperty("KC_BOOTSTRAP_ADMIN_PASSWORD")).hasSizeGreaterThanOrEqualTo(32);
        assertThat(env.getProperty("JAVA_OPTS_KC_HEAP")).isEqualTo("-Xms64m -Xmx768m");
        assertThat(Files.readAllLines(state.resolve("kc-args"))).contains("--hostname=https://sso.exemple.fr",
                "--https-port=8443");
    }

    @Test
    void proSanteConnectIsEnabledOnceItsClientIdIsConfigured() throws Exception {
        Files.writeString(conf, """
                RELAIS_HOSTNAME=sso.ehpad.test
                RELAIS_DB_URL=jdbc:postgresql://127.0.0.1/relais
                RELAIS_DB_PASSWORD=x
                RELAIS_PSC_CLIENT_ID=ehpad-tilleuls
                RELAIS_PSC_CLIENT_SECRET=s3cret
                """);
        Result configured = run(Map.of());
        assertThat(configured.exit()).as(configured.output()).isZero();
        Properties env = properties(state.resolve("kc-env"));
        assertThat(env.getProperty("RELAIS_PSC_ENABLED")).isEqualTo("true");
        assertThat(env.getProperty("RELAIS_PSC_CLIENT_ID")).isEqualTo("ehpad-tilleuls");
        assertThat(configured.output()).doesNotContain("RELAIS_PSC_CLIENT_ID is not set");

        // Configured but kept off (e.g. until the ANS opens the production access).
        Result off = run(Map.of("RELAIS_PSC_ENABLED", "false"));
        assertThat(off.exit()).as(off.output()).isZero();
        assertThat(properties(state.resolve("kc-env")).getProperty("RELAIS_PSC_ENABLED")).isEqualTo("false");
    }

    @Test
    void operatorCertificateIsUsedAsIs() throws Exception {
        var server = PKI.serverCertificate("sso.ehpad.test");
        Files.writeString(dir.resolve("etc/server.pem"), server.certificatePem());
        Files.writeString(dir.resolve("etc/server-key.pem"), server.privateKeyPem());
        Files.writeString(conf, """
                RELAIS_HOSTNAME=sso.ehpad.test
                RELAIS_DB_URL=jdbc:postgresql://127.0.0.1/relais
                RELAIS_DB_PASSWORD=x
                RELAIS_TLS_CERT_FILE=%s
                RELAIS_TLS_KEY_FILE=%s
                """.formatted(dir.resolve("etc/server.pem"), dir.resolve("etc/server-key.pem")));
        Result result = run(Map.of());
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(Files.readAllLines(state.resolve("kc-args"))).contains(
                "--https-certificate-file=" + dir.resolve("etc/server.pem"),
                "--https-certificate-key-file=" + dir.resolve("etc/server-key.pem"))
                .noneMatch(a -> a.startsWith("--https-key-store-file") || a.contains("test-authorities"));
        assertThat(state.resolve("tls/server.p12")).doesNotExist();
    }

    @Test
    void missingSettingsStopTheStartWithAClearMessage() throws Exception {
        Files.writeString(conf, "RELAIS_DB_URL=jdbc:postgresql://127.0.0.1/relais\n");
        Result noHostname = run(Map.of());
        assertThat(noHostname.exit()).isEqualTo(78);
        assertThat(noHostname.output()).contains("RELAIS_HOSTNAME is not set");

        Files.writeString(conf, "RELAIS_HOSTNAME=sso.ehpad.test\nRELAIS_DB_URL=jdbc:postgresql://127.0.0.1/relais\n");
        Result noPassword = run(Map.of());
        assertThat(noPassword.exit()).isEqualTo(78);
        assertThat(noPassword.output()).contains("RELAIS_DB_PASSWORD is not set");

        Files.writeString(conf, "RELAIS_HOSTNAME sso.ehpad.test\n");
        Result malformed = run(Map.of());
        assertThat(malformed.exit()).isEqualTo(78);
        assertThat(malformed.output()).contains("line 1: expected KEY=value");

        Files.writeString(conf, "RELAIS_HOSTNAME=sso.ehpad.test\nRELAIS_DB_URL=jdbc:postgresql://127.0.0.1/relais\n"
                + "RELAIS_DB_PASSWORD=x\nRELAIS_PSC_ENABLED=true\n");
        Result pscWithoutClientId = run(Map.of());
        assertThat(pscWithoutClientId.exit()).isEqualTo(78);
        assertThat(pscWithoutClientId.output()).contains("RELAIS_PSC_ENABLED=true needs RELAIS_PSC_CLIENT_ID");
    }

    private record Result(int exit, String output) {
    }

    private Result run(Map<String, String> extraEnvironment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toAbsolutePath().toString())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("RELAIS_") || k.startsWith("KC_"));
        env.put("RELAIS_CONF", conf.toString());
        env.put("RELAIS_STATE_DIR", state.toString());
        env.put("RELAIS_KEYCLOAK_HOME", keycloak.getParent().toString());
        env.put("RELAIS_SHARE_DIR", share.getParent().getParent().toString());
        env.putAll(extraEnvironment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("relais-start did not finish:\n" + output);
        }
        return new Result(process.exitValue(), output);
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                properties.setProperty(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return properties;
    }

    private static byte[] encoded(CertificateAuthority authority) {
        try {
            return authority.certificate().getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
