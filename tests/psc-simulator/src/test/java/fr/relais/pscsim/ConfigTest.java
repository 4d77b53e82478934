package fr.relais.pscsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON configuration file, the command line and the admin registration API. */
class ConfigTest {

    @TempDir
    Path dir;

    @Test
    void jsonFileConfiguresClientsProfessionalsAndLifetimes() throws Exception {
        Path file = dir.resolve("sim.json");
        Files.writeString(file, """
                {
                  "port": 0,
                  "accessTokenLifetimeSeconds": 60,
                  "requireScopeAll": false,
                  "clients": [
                    {"clientId": "relais", "secret": "s3cret", "redirectUris": ["https://localhost:8443/*"],
                     "userinfo": "jwt"},
                    {"clientId": "relais-mtls", "tlsSubjectDn": "CN=relais,O=EHPAD,C=FR",
                     "redirectUris": ["https://localhost:8443/*"]}
                  ],
                  "keepDemoProfessionals": true,
                  "professionals": [
                    {"idNat": "899700200016", "codeCivilite": "MME", "givenName": "Alice", "familyName": "ROUX",
                     "exercices": [{"codeProfession": "21", "activities": [
                        {"numeroFinessSite": "750000001", "raisonSocialeSite": "PUI EHPAD", "extraField": "kept"}]}]}
                  ]
                }
                """);

        SimulatorConfig config = PscSimulatorMain.parse(new String[] {"--config", file.toString(), "--port", "0"});

        assertThat(config.accessTokenLifetime()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.requireScopeAll()).isFalse();
        assertThat(config.clients()).extracting(ClientRegistration::clientId).containsExactly("relais", "relais-mtls");
        assertThat(config.clients().get(0).userinfoFormat()).isEqualTo(UserinfoFormat.JWT);
        assertThat(config.clients().get(0).acceptsRedirectUri("https://localhost:8443/realms/relais/broker/psc"))
                .isTrue();
        assertThat(config.clients().get(1).secret()).isNull();
        assertThat(config.professionals()).extracting(Professional::idNat)
                .contains("899700100011", "899700100029", "899700200016");
        Activity activity = config.professionals().get(config.professionals().size() - 1)
                .exercices().get(0).activities().get(0);
        assertThat(activity.numeroFinessSite()).isEqualTo("750000001");
        assertThat(activity.get("extraField")).isEqualTo("kept");
        assertThat(activity.get("codePostal")).isEmpty();
    }

    @Test
    void commandLineClientsAndDefaults() {
        SimulatorConfig config = PscSimulatorMain.parse(new String[] {"--port", "18090", "--client",
                "clientId=relais;secret=x;redirectUri=https://a.example/cb;tlsSubjectDn=CN=relais,O=EHPAD,C=FR;"
                        + "userinfo=jwt"});

        assertThat(config.port()).isEqualTo(18090);
        assertThat(config.adminPort()).as("admin port = port + 9 by default").isEqualTo(18099);
        ClientRegistration client = config.clients().get(0);
        assertThat(client.tlsSubjectDn()).isEqualTo("CN=relais,O=EHPAD,C=FR");
        assertThat(client.redirectUris()).containsExactly("https://a.example/cb");
        assertThat(client.userinfoFormat()).isEqualTo(UserinfoFormat.JWT);
        assertThat(PscSimulatorMain.parse(new String[] {"--help"})).isNull();
        assertThatThrownBy(() -> PscSimulatorMain.parse(new String[] {"--nope"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutClientsTheCommandLineRegistersAPermissiveDemoClient() {
        SimulatorConfig config = PscSimulatorMain.parse(new String[] {"--admin-port", "none"});

        assertThat(config.port()).isEqualTo(8090);
        assertThat(config.adminPort()).isNull();
        assertThat(config.clients()).singleElement().satisfies(c -> {
            assertThat(c.clientId()).isEqualTo("demo");
            assertThat(c.acceptsRedirectUri("https://anything.example/")).isTrue();
        });
    }

    @Test
    void pemFilesFromTheCommandLineServeHttps() throws Exception {
        TestCertificates pki = TestCertificates.newCa("PEM CA");
        TestCertificates.Issued server = pki.server();
        Path cert = dir.resolve("server.pem");
        Path key = dir.resolve("server.key");
        Path ca = dir.resolve("ca.pem");
        Files.writeString(cert, pem("CERTIFICATE", server.certificate().getEncoded())
                + pem("CERTIFICATE", pki.ca.getEncoded()));
        Files.writeString(key, pem("PRIVATE KEY", server.key().getEncoded()));
        Files.writeString(ca, pem("CERTIFICATE", pki.ca.getEncoded()));

        SimulatorConfig config = PscSimulatorMain.parse(new String[] {"--port", "0", "--tls-cert", cert.toString(),
                "--tls-key", key.toString(), "--client-ca", ca.toString()});

        assertThat(config.tls().serverChain()).extracting(X509Certificate::getSubjectX500Principal)
                .containsExactly(server.certificate().getSubjectX500Principal(), pki.ca.getSubjectX500Principal());
        assertThat(config.tls().clientCas()).containsExactly(pki.ca);
        try (PscSimulator psc = PscSimulator.start(config)) {
            TestRp rp = new TestRp(psc, "demo", "demo-secret", TestCertificates.clientContext(null, pki.ca));
            assertThat(rp.get(psc.discoveryUrl()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void withoutClientCasAnyClientCertificateIsOfferedAndMatchedByDn() {
        TestCertificates pki = TestCertificates.newCa("ANY CA");
        TestCertificates.Issued server = pki.server();
        TestCertificates.Issued client = pki.client("CN=rp,O=EHPAD,C=FR");
        try (PscSimulator psc = PscSimulator.start(SimulatorConfig.builder()
                .tls(new TlsConfig(server.key(), List.of(server.certificate()), List.of()))
                .client(ClientRegistration.withCertificate("rp", "CN=rp,O=EHPAD,C=FR", TestRp.REDIRECT_URI))
                .build())) {
            TestRp rp = new TestRp(psc, "rp", null, TestCertificates.clientContext(client, pki.ca));
            String code = rp.codeFor("899700100011");

            var response = rp.postForm(psc.tokenEndpoint(), Map.of("grant_type", "authorization_code", "code", code,
                    "redirect_uri", TestRp.REDIRECT_URI, "code_verifier", rp.verifier, "client_id", "rp"), false);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
    }

    @Test
    void adminApiRegistersClientsAndProfessionals() {
        try (PscSimulator psc = PscSimulator.start()) {
            TestRp admin = new TestRp(psc, "x", "x");
            var clients = admin.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(psc.adminUrl() + "/clients"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"clientId\":\"late\",\"secret\":\"s\",\"redirectUris\":[\"" + TestRp.REDIRECT_URI
                                    + "\"]}")).build());
            assertThat(clients.statusCode()).as(clients.body()).isEqualTo(200);
            var professionals = admin.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(psc.adminUrl() + "/professionals"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"idNat\":\"899700300014\",\"givenName\":\"Marc\",\"familyName\":\"BLANC\","
                                    + "\"exercices\":[{\"codeProfession\":\"60\"}]}")).build());
            assertThat(professionals.statusCode()).as(professionals.body()).isEqualTo(200);

            JsonNode tokens = new TestRp(psc, "late", "s").login("899700300014");

            assertThat(TestRp.claims(tokens.get("id_token").asText()).getClaim("family_name")).isEqualTo("BLANC");
            JsonNode state = TestRp.json(admin.get(psc.adminUrl() + "/state").body());
            assertThat(TestRp.list(state.get("clients"))).contains("late");
            assertThat(state.get("sessions").asInt()).isEqualTo(1);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
