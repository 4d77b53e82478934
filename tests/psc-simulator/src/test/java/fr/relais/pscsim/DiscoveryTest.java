package fr.relais.pscsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DiscoveryTest {

    static PscSimulator psc;
    static TestRp rp;

    @BeforeAll
    static void start() {
        psc = PscSimulator.start();
        rp = new TestRp(psc, "none", "none");
    }

    @AfterAll
    static void stop() {
        psc.close();
    }

    @Test
    void servesPscDiscoveryAtTheNonStandardPath() {
        assertThat(psc.discoveryUrl()).isEqualTo(psc.baseUrl()
                + "/auth/realms/esante-wallet/.well-known/wallet-openid-configuration");
        HttpResponse<String> response = rp.get(psc.discoveryUrl());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode doc = TestRp.json(response.body());
        assertThat(doc.get("issuer").asText()).isEqualTo(psc.baseUrl() + "/auth/realms/esante-wallet");
        assertThat(doc.get("authorization_endpoint").asText()).isEqualTo(psc.baseUrl() + "/wallet/auth");
        assertThat(doc.get("token_endpoint").asText()).isEqualTo(psc.issuer() + "/protocol/openid-connect/token");
        assertThat(doc.get("userinfo_endpoint").asText())
                .isEqualTo(psc.issuer() + "/protocol/openid-connect/userinfo");
        assertThat(doc.get("jwks_uri").asText()).isEqualTo(psc.issuer() + "/protocol/openid-connect/certs");
        assertThat(doc.get("end_session_endpoint").asText())
                .isEqualTo(psc.issuer() + "/protocol/openid-connect/logout");
        assertThat(doc.get("introspection_endpoint").asText())
                .isEqualTo(psc.issuer() + "/protocol/openid-connect/token/introspect");
        assertThat(TestRp.list(doc.get("token_endpoint_auth_methods_supported")))
                .contains("client_secret_basic", "client_secret_post", "tls_client_auth");
        assertThat(TestRp.list(doc.get("code_challenge_methods_supported"))).contains("S256");
        assertThat(TestRp.list(doc.get("scopes_supported"))).contains("openid", "scope_all");
        assertThat(doc.get("tls_client_certificate_bound_access_tokens").asBoolean()).isTrue();
    }

    @Test
    void servesTheSameDocumentAtTheStandardPath() {
        HttpResponse<String> standard = rp.get(psc.addresses().standardDiscoveryUrl());

        assertThat(standard.statusCode()).isEqualTo(200);
        assertThat(TestRp.json(standard.body())).isEqualTo(TestRp.json(rp.get(psc.discoveryUrl()).body()));
    }

    @Test
    void publishesOneRs256KeyWithAKid() {
        JsonNode jwks = TestRp.json(rp.get(psc.jwksUri()).body());

        assertThat(jwks.get("keys")).hasSize(1);
        JsonNode key = jwks.get("keys").get(0);
        assertThat(key.get("kty").asText()).isEqualTo("RSA");
        assertThat(key.get("alg").asText()).isEqualTo("RS256");
        assertThat(key.get("use").asText()).isEqualTo("sig");
        assertThat(key.get("kid").asText()).isEqualTo(psc.signingKey().getKeyID()).isNotBlank();
        assertThat(key.has("d")).as("no private part").isFalse();
    }

    @Test
    void unknownPathsAre404AndRecorded() {
        assertThat(rp.get(psc.baseUrl() + "/nowhere").statusCode()).isEqualTo(404);
        assertThat(psc.requests()).anySatisfy(r -> assertThat(r.path()).isEqualTo("/nowhere"));
    }

    @Test
    void separateWalletPortServesAuthorizeAtSlashAuth() {
        try (PscSimulator split = PscSimulator.start(SimulatorConfig.builder().walletPort(0).build())) {
            assertThat(split.walletPort()).isPositive().isNotEqualTo(split.port());
            assertThat(split.authorizationEndpoint()).isEqualTo("http://localhost:" + split.walletPort() + "/auth");
            JsonNode doc = TestRp.json(rp.get(split.discoveryUrl()).body());
            assertThat(doc.get("authorization_endpoint").asText()).isEqualTo(split.authorizationEndpoint());
            // Not on the main port any more, as on the real auth host.
            assertThat(rp.get(split.baseUrl() + "/wallet/auth").statusCode()).isEqualTo(404);
        }
    }
}
