package fr.relais.it;

import static fr.relais.it.CardLoginIT.assertRefusal;
import static fr.relais.it.CardLoginIT.cardConfig;
import static fr.relais.it.CardLoginIT.latestEvent;
import static fr.relais.it.CardLoginIT.publishFreshCrls;
import static fr.relais.it.DuiRequests.authorizationUrl;
import static fr.relais.it.DuiRequests.challenge;
import static fr.relais.it.DuiRequests.payload;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.relais.runner.DemoProfessional;
import fr.relais.runner.RelaisInstance;
import fr.relais.testpki.IssuedCertificate;
import fr.relais.testpki.OcspResponder;
import fr.relais.testpki.OcspResponseBuilder;

/**
 * Card login with OCSP turned on in the realm, against an OCSP responder the test runs for the
 * card's authority, next to the CRL server: a verified answer decides, and when the responder cannot
 * answer the stored CRL does.
 */
@ExtendWith(RelaisServerExtension.class)
class CardOcspIT {

    private static final DemoProfessional CLAIRE = DemoProfessional.ALL.get(0);

    @Test
    void goodAnswerOfTheResponderNamedInTheCardSignsIn(RelaisInstance relais, CrlServer crls) throws Exception {
        publishFreshCrls(relais, crls);
        try (OcspResponder responder = OcspResponder.start(relais.pki().hierarchy().fortPersonnes());
             OcspSettings ignored = OcspSettings.on(relais, null)) {
            IssuedCertificate card = card(relais, responder.url());
            JsonNode tokens = DuiRequests.cardLoginTokens(relais, card);
            assertThat(payload(tokens.get("id_token").asText()).get("idnat_ps").asText()).isEqualTo(CLAIRE.idNatPs());
            assertThat(responder.requests()).isEqualTo(1);

            JsonNode event = latestEvent(relais, "LOGIN", e -> serialOf(card).equals(e.path("details").path("card_serial").asText()));
            assertThat(event.path("details").path("revocation_source").asText()).isEqualTo("ocsp");
            assertThat(event.path("details").has("ocsp_failure")).isFalse();
            assertThat(event.path("details").path("revocation_grace").asText()).isEqualTo("false");
        }
    }

    @Test
    void cardRevokedAccordingToOcspIsRefusedThoughNotOnTheCrl(RelaisInstance relais, CrlServer crls) throws Exception {
        publishFreshCrls(relais, crls);
        try (OcspResponder responder = OcspResponder.start(relais.pki().hierarchy().fortPersonnes());
             OcspSettings ignored = OcspSettings.on(relais, null)) {
            IssuedCertificate card = card(relais, responder.url());
            responder.status(card.certificate().getSerialNumber(), OcspResponseBuilder.Status.REVOKED);

            HttpResponse<String> refused = new Browser(relais.pki().presenting(card))
                    .get(authorizationUrl(relais, challenge("v".repeat(43))));
            assertRefusal(refused, "relais.card.revoked");
            JsonNode event = latestEvent(relais, "LOGIN_ERROR", e -> serialOf(card).equals(e.path("details").path("card_serial").asText()));
            assertThat(event.path("error").asText()).isEqualTo("relais_card_revoked");
            assertThat(event.path("details").path("revocation_source").asText()).isEqualTo("ocsp");
            assertThat(event.path("details").path("reason").asText()).isEqualTo("revoked according to OCSP");

            // The same card, while OCSP is off, is not refused: only the responder knew.
            try (OcspSettings off = OcspSettings.off(relais)) {
                HttpResponse<String> signedIn = new Browser(relais.pki().presenting(card))
                        .get(authorizationUrl(relais, challenge("w".repeat(43))));
                assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
            }
        }
    }

    /**
     * The configured responder (which replaces the card's own) accepts connections and never answers,
     * then is down: each login still succeeds on the stored CRL within the OCSP timeout, and its event
     * says the CRL decided and why.
     */
    @Test
    void responderBlackholedOrDownLeavesTheDecisionToTheStoredCrl(RelaisInstance relais, CrlServer crls) throws Exception {
        publishFreshCrls(relais, crls);
        OcspResponder responder = OcspResponder.start(relais.pki().hierarchy().fortPersonnes());
        try (OcspSettings ignored = OcspSettings.on(relais, responder.url())) {
            responder.blackhole(true);
            IssuedCertificate blackholed = card(relais, "http://localhost:1/never-asked");
            assertSignedIn(relais, blackholed);
            assertThat(responder.requests()).isEqualTo(1);
            JsonNode event = latestEvent(relais, "LOGIN", e -> serialOf(blackholed).equals(e.path("details").path("card_serial").asText()));
            assertThat(event.path("details").path("revocation_source").asText()).isEqualTo("crl-after-ocsp-failure");
            assertThat(event.path("details").path("ocsp_failure").asText()).isEqualTo("timeout");
            assertThat(event.path("details").has("crl_age_seconds")).isTrue();

            responder.close();
            IssuedCertificate down = card(relais, "http://localhost:1/never-asked");
            assertSignedIn(relais, down);
            JsonNode downEvent = latestEvent(relais, "LOGIN", e -> serialOf(down).equals(e.path("details").path("card_serial").asText()));
            assertThat(downEvent.path("details").path("revocation_source").asText()).isEqualTo("crl-after-ocsp-failure");
            assertThat(downEvent.path("details").path("ocsp_failure").asText()).isEqualTo("network");
        } finally {
            responder.close();
        }
    }

    private static void assertSignedIn(RelaisInstance relais, IssuedCertificate card) throws Exception {
        HttpResponse<String> response = new Browser(relais.pki().presenting(card))
                .get(authorizationUrl(relais, challenge("b".repeat(43))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).startsWith(DuiRequests.REDIRECT_URI).contains("code=");
    }

    /** A new card of Claire (a serial of its own) whose certificate names {@code ocspUrl}. */
    private static IssuedCertificate card(RelaisInstance relais, String ocspUrl) {
        return relais.pki().hierarchy().card(CLAIRE.idNatPs()).givenName("Claire").surname("MARTIN").title("Infirmier")
                .professionCode(60).ocspUrl(ocspUrl).issue();
    }

    private static String serialOf(IssuedCertificate card) {
        return card.certificate().getSerialNumber().toString(16);
    }

    /** OCSP settings of the shipped flow's card step, put back as they were on close. */
    private static final class OcspSettings implements AutoCloseable {
        private final AdminApi admin;
        private final ObjectNode config;
        private final ObjectNode original;

        private OcspSettings(RelaisInstance relais, Map<String, String> values) throws Exception {
            admin = new AdminApi(relais);
            config = cardConfig(admin);
            original = config.get("config").deepCopy();
            ObjectNode settings = (ObjectNode) config.get("config");
            values.forEach(settings::put);
            admin.put("realms/relais/authentication/config/" + config.get("id").asText(), config);
        }

        /** @param responderUrl null for the card's own OCSP URL */
        static OcspSettings on(RelaisInstance relais, String responderUrl) throws Exception {
            return new OcspSettings(relais, Map.of("relais.cps.ocsp", "true",
                    "relais.cps.ocsp-responder-url", responderUrl == null ? "" : responderUrl,
                    "relais.cps.ocsp-timeout-ms", "1500"));
        }

        static OcspSettings off(RelaisInstance relais) throws Exception {
            return new OcspSettings(relais, Map.of("relais.cps.ocsp", "false"));
        }

        @Override
        public void close() throws Exception {
            config.set("config", original);
            admin.put("realms/relais/authentication/config/" + config.get("id").asText(), config);
        }
    }
}
