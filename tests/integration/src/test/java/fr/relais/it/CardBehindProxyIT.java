package fr.relais.it;

import static fr.relais.it.DuiRequests.authorizationUrl;
import static fr.relais.it.DuiRequests.challenge;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import fr.relais.runner.DemoProfessional;
import fr.relais.runner.RelaisInstance;
import fr.relais.testpki.IssuedCertificate;
import fr.relais.testpki.TestPki;

/**
 * Behind a TLS-terminating proxy that forwards the certificate unchecked (nginx optional_no_ca), the
 * cards that direct TLS cuts off (expired, look-alike authority) reach the card step, which refuses
 * them with the reason and an event: Keycloak's nginx lookup hands over the certificate even when it
 * cannot rebuild its chain, and every check is the card step's.
 */
@ExtendWith(RelaisBehindProxyExtension.class)
class CardBehindProxyIT {

    private static final DemoProfessional CLAIRE = DemoProfessional.ALL.get(0);

    @Test
    void validCardForwardedByTheProxySignsIn(RelaisInstance relais) throws Exception {
        // Right after start the CRLs of the drop folder may not be stored yet: that refusal is retried.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        HttpResponse<String> response = forwarded(relais, relais.pki().card(CLAIRE));
        while (response.body().contains("relais.card.revocationDataStale") && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            response = forwarded(relais, relais.pki().card(CLAIRE));
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).startsWith(DuiRequests.REDIRECT_URI).contains("code=");
    }

    @Test
    void expiredCardForwardedByTheProxyIsRefusedWithTheReason(RelaisInstance relais) throws Exception {
        IssuedCertificate expired = relais.pki().hierarchy().card(CLAIRE.idNatPs()).givenName("Claire").surname("MARTIN")
                .notBefore(Instant.now().minus(Duration.ofDays(30))).notAfter(Instant.now().minus(Duration.ofDays(1))).issue();
        HttpResponse<String> page = forwarded(relais, expired);
        assertRefusal(page, "relais.card.expired");
        assertThat(event(relais, expired).path("error").asText()).isEqualTo("relais_card_expired");
    }

    @Test
    void lookAlikeCertificateForwardedByTheProxyIsRefusedWithTheReason(RelaisInstance relais) throws Exception {
        IssuedCertificate forged = TestPki.generate().card(CLAIRE.idNatPs()).givenName("Claire").surname("MARTIN").issue();
        HttpResponse<String> page = forwarded(relais, forged);
        assertRefusal(page, "relais.card.unknownCa");
        assertThat(event(relais, forged).path("error").asText()).isEqualTo("relais_card_unknown_ca");
    }

    /** The authorization request as the proxy passes it on: no client certificate on Keycloak's TLS, the card in the header. */
    private static HttpResponse<String> forwarded(RelaisInstance relais, IssuedCertificate card) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(relais.pki().serverTrust())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return client.send(HttpRequest.newBuilder(URI.create(authorizationUrl(relais, challenge("x".repeat(43)))))
                .header(RelaisBehindProxyExtension.CERTIFICATE_HEADER,
                        URLEncoder.encode(card.certificatePem(), StandardCharsets.UTF_8))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefusal(HttpResponse<String> page, String messageKey) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(401);
        assertThat(page.body()).contains("data-reason=\"" + messageKey + "\"");
    }

    private static JsonNode event(RelaisInstance relais, IssuedCertificate card) throws Exception {
        String serial = card.certificate().getSerialNumber().toString(16);
        List<JsonNode> found = new ArrayList<>();
        new AdminApi(relais).get("realms/relais/events?type=LOGIN_ERROR&max=200").forEach(e -> {
            if (serial.equals(e.path("details").path("card_serial").asText())) {
                found.add(e);
            }
        });
        assertThat(found).as("a LOGIN_ERROR event for serial %s", serial).isNotEmpty();
        return found.get(0);
    }
}
