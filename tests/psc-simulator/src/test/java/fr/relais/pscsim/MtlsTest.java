package fr.relais.pscsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTPS with a "wanted" client certificate: tls_client_auth clients and secret clients side by side. */
class MtlsTest {

    static final String CLIENT_DN = "CN=relais-ehpad-demo,OU=750000001,O=EHPAD DE DEMONSTRATION,C=FR";

    static TestCertificates pki;
    static TestCertificates.Issued clientCertificate;
    static PscSimulator psc;

    @BeforeAll
    static void start() {
        pki = TestCertificates.newCa("TEST CA");
        TestCertificates.Issued server = pki.server();
        clientCertificate = pki.client(CLIENT_DN);
        psc = PscSimulator.start(SimulatorConfig.builder()
                .tls(new TlsConfig(server.key(), List.of(server.certificate(), pki.ca), List.of(pki.ca)))
                .client(ClientRegistration.withCertificate("rp-mtls", CLIENT_DN, TestRp.REDIRECT_URI))
                .client(ClientRegistration.withSecret("rp", "rp-secret", TestRp.REDIRECT_URI))
                .build());
    }

    @AfterAll
    static void stop() {
        psc.close();
    }

    @Test
    void servesHttps() {
        assertThat(psc.issuer()).startsWith("https://localhost:");
    }

    @Test
    void tlsClientAuthWithTheRegisteredSubjectGetsCertificateBoundTokens() {
        TestRp rp = new TestRp(psc, "rp-mtls", null, TestCertificates.clientContext(clientCertificate, pki.ca));
        String code = rp.codeFor("899700100011");

        HttpResponse<String> response = rp.postForm(psc.tokenEndpoint(), Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", TestRp.REDIRECT_URI, "code_verifier", rp.verifier,
                "client_id", "rp-mtls"), false);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode tokens = TestRp.json(response.body());
        Map<?, ?> cnf = (Map<?, ?>) rp.verified(tokens.get("access_token").asText()).getClaim("cnf");
        assertThat(cnf.get("x5t#S256")).isEqualTo(ClientAuthenticator.thumbprint(clientCertificate.certificate()));
        RecordedRequest token = psc.lastRequest(Endpoint.TOKEN);
        assertThat(token.clientAuthentication()).isEqualTo("tls_client_auth");
        assertThat(token.clientCertificateSubject()).contains("CN=relais-ehpad-demo");
        assertThat(rp.userinfo(tokens.get("access_token").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void aCertificateWithAnotherSubjectIsInvalidClient() {
        TestCertificates.Issued other = pki.client("CN=someone-else,O=ELSEWHERE,C=FR");
        TestRp rp = new TestRp(psc, "rp-mtls", null, TestCertificates.clientContext(other, pki.ca));
        String code = rp.codeFor("899700100011");

        HttpResponse<String> response = rp.postForm(psc.tokenEndpoint(), Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", TestRp.REDIRECT_URI, "code_verifier", rp.verifier,
                "client_id", "rp-mtls"), false);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("invalid_client");
    }

    @Test
    void noCertificateIsInvalidClientForAnMtlsClient() {
        TestRp rp = new TestRp(psc, "rp-mtls", null, TestCertificates.clientContext(null, pki.ca));
        String code = rp.codeFor("899700100011");

        HttpResponse<String> response = rp.postForm(psc.tokenEndpoint(), Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", TestRp.REDIRECT_URI, "code_verifier", rp.verifier,
                "client_id", "rp-mtls"), false);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void secretClientsNeedNoCertificate() {
        TestRp rp = new TestRp(psc, "rp", "rp-secret", TestCertificates.clientContext(null, pki.ca));

        JsonNode tokens = rp.login("899700100029");

        assertThat(rp.verified(tokens.get("access_token").asText()).getClaim("cnf")).isNull();
    }

    @Test
    void aCertificateFromAnotherCaIsNotAccepted() {
        // The server names its trusted CAs in the handshake, so the JDK client does not even offer this one.
        TestCertificates otherPki = TestCertificates.newCa("OTHER CA");
        TestRp rp = new TestRp(psc, "rp-mtls", null,
                TestCertificates.clientContext(otherPki.client(CLIENT_DN), pki.ca));
        String code = rp.codeFor("899700100011");

        HttpResponse<String> response = rp.postForm(psc.tokenEndpoint(), Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", TestRp.REDIRECT_URI, "code_verifier", rp.verifier,
                "client_id", "rp-mtls"), false);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(psc.lastRequest(Endpoint.TOKEN).clientCertificateSubject()).isNull();
    }

    @Test
    void subjectDnMatchesInEitherOrder() {
        assertThat(ClientRegistration.withCertificate("x", "C=FR, O=EHPAD DE DEMONSTRATION, OU=750000001, "
                + "CN=relais-ehpad-demo").acceptsCertificateSubject(
                        clientCertificate.certificate().getSubjectX500Principal())).isTrue();
        assertThat(ClientRegistration.withCertificate("x", "cn=RELAIS-EHPAD-DEMO,ou=750000001,"
                + "o=ehpad de demonstration,c=fr").acceptsCertificateSubject(
                        clientCertificate.certificate().getSubjectX500Principal())).isTrue();
        assertThat(ClientRegistration.withCertificate("x", "CN=relais-ehpad-demo,C=FR").acceptsCertificateSubject(
                clientCertificate.certificate().getSubjectX500Principal())).isFalse();
    }
}
