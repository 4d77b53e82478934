package fr.relais.it.psc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.relais.it.RelaisServerExtension;
import fr.relais.pscsim.AutoLogin;
import fr.relais.pscsim.Endpoint;
import fr.relais.pscsim.Fault;
import fr.relais.pscsim.PscSimulator;
import fr.relais.runner.DemoProfessional;
import fr.relais.runner.RelaisInstance;

/**
 * Every way PSC can fail or lie ends on the login page with a French explanation and the other means,
 * plus an event saying exactly what went wrong; never a stack trace, never a session. And the acr rule.
 */
@ExtendWith(RelaisServerExtension.class)
class PscFaultsIT {

    private static final DemoProfessional CLAIRE = DemoProfessional.ALL.get(0);
    private static final String UNREACHABLE = "Pro Santé Connect ne répond pas pour le moment";
    private static final String UNTRUSTED = "n&#39;a pas pu être vérifiée";
    private static final String UNUSABLE = "La réponse de Pro Santé Connect est inutilisable";
    private static final String ACR_TOO_LOW = "n&#39;atteint pas le niveau de sécurité exigé";

    @BeforeEach
    void signInAs(PscSimulator psc) {
        psc.clearFault();
        psc.setAutoLogin(AutoLogin.of(CLAIRE.idNatPs()));
    }

    @AfterEach
    void recover(PscSimulator psc) {
        psc.clearFault();
        psc.setAutoLogin(null);
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("refused", Fault.refuse().onlyOn(Endpoint.TOKEN), "relais_psc_unreachable", UNREACHABLE),
                Arguments.of("blackhole", Fault.blackhole().onlyOn(Endpoint.TOKEN), "relais_psc_timeout", UNREACHABLE),
                Arguments.of("slow", Fault.slow(Duration.ofSeconds(4)).onlyOn(Endpoint.USERINFO), "relais_psc_timeout", UNREACHABLE),
                Arguments.of("5xx", Fault.http500().onlyOn(Endpoint.TOKEN), "relais_psc_server_error", UNREACHABLE),
                Arguments.of("5xx userinfo", Fault.http500().withStatus(503).onlyOn(Endpoint.USERINFO), "relais_psc_server_error", UNREACHABLE),
                Arguments.of("bad signature", Fault.badSignature().onlyOn(Endpoint.TOKEN), "relais_psc_bad_signature", UNTRUSTED),
                Arguments.of("wrong iss", Fault.wrongIssuer().onlyOn(Endpoint.TOKEN), "relais_psc_wrong_issuer", UNTRUSTED),
                Arguments.of("wrong aud", Fault.wrongAudience().onlyOn(Endpoint.TOKEN), "relais_psc_wrong_audience", UNTRUSTED),
                Arguments.of("wrong nonce", Fault.wrongNonce().onlyOn(Endpoint.TOKEN), "relais_psc_wrong_nonce", UNTRUSTED),
                Arguments.of("low acr", Fault.lowAcr().onlyOn(Endpoint.TOKEN), "relais_psc_acr_too_low", ACR_TOO_LOW),
                Arguments.of("no acr", Fault.lowAcr().withAcr("").onlyOn(Endpoint.TOKEN), "relais_psc_acr_too_low", ACR_TOO_LOW),
                Arguments.of("oversized", Fault.oversized().withSizeBytes(3L * 1024 * 1024).onlyOn(Endpoint.TOKEN),
                        "relais_psc_response_too_large", UNUSABLE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void faultIsRefusedWithAClearPageAndAnEvent(String name, Fault fault, String eventError, String message,
                                                RelaisInstance relais, PscSimulator psc) throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        psc.setFault(fault);
        DuiLogin login = DuiLogin.throughPsc(relais);
        psc.clearFault();

        assertRefusedOnTheLoginPage(login.page(), message);
        JsonNode event = refusal(relais, eventError, before);
        assertThat(event.path("details").path("identity_provider").asText()).isEqualTo(RelaisInstance.PSC_ALIAS);
        assertThat(event.path("details").path("reason").asText()).isNotBlank();

        // Once PSC behaves again, the same professional signs in.
        assertThat(DuiLogin.throughPsc(relais).tokens().has("id_token")).isTrue();
    }

    @Test
    void acrAtOrAboveTheConfiguredMinimumIsAcceptedAndBelowIsRefused(RelaisInstance relais, PscSimulator psc) throws Exception {
        psc.setAutoLogin(new AutoLogin(CLAIRE.idNatPs(), "eidas3", "CARD"));
        assertThat(DuiLogin.throughPsc(relais).tokens().has("id_token")).as("eidas3 above the eidas1 default").isTrue();

        Admin admin = new Admin(relais);
        ObjectNode idp = (ObjectNode) admin.get("realms/relais/identity-provider/instances/psc");
        String previous = idp.path("config").path("relais.psc.minimumAcr").asText("eidas1");
        ((ObjectNode) idp.get("config")).put("relais.psc.minimumAcr", "eidas2");
        admin.put("realms/relais/identity-provider/instances/psc", idp);
        try {
            Instant before = Instant.now().minusSeconds(1);
            psc.setAutoLogin(new AutoLogin(CLAIRE.idNatPs(), "eidas1", "MOBILE"));
            assertRefusedOnTheLoginPage(DuiLogin.throughPsc(relais).page(), ACR_TOO_LOW);
            JsonNode event = refusal(relais, "relais_psc_acr_too_low", before);
            assertThat(event.path("details").path("psc_acr").asText()).isEqualTo("eidas1");
            assertThat(event.path("details").path("psc_minimum_acr").asText()).isEqualTo("eidas2");
            assertThat(event.path("details").path("idnat_ps").asText()).isEqualTo(CLAIRE.idNatPs());

            psc.setAutoLogin(new AutoLogin(CLAIRE.idNatPs(), "eidas2", "CARD"));
            assertThat(DuiLogin.throughPsc(relais).tokens().has("id_token")).isTrue();
        } finally {
            ((ObjectNode) idp.get("config")).put("relais.psc.minimumAcr", previous);
            admin.put("realms/relais/identity-provider/instances/psc", idp);
        }
    }

    /** Back on Relais's login page, 200, with the reason and the other means. */
    private static void assertRefusedOnTheLoginPage(HttpResponse<String> page, String message) {
        assertThat(page.uri().toString()).as(page.body()).startsWith("https://localhost");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains(message).contains("kc-form-login")
                .doesNotContain("Exception").doesNotContain("at org.keycloak");
    }

    private static JsonNode refusal(RelaisInstance relais, String error, Instant after) throws Exception {
        List<JsonNode> events = new Admin(relais).events("IDENTITY_PROVIDER_LOGIN_ERROR",
                e -> error.equals(e.path("error").asText()) && e.path("time").asLong() >= after.toEpochMilli());
        assertThat(events).as("an IDENTITY_PROVIDER_LOGIN_ERROR event " + error).isNotEmpty();
        return events.get(0);
    }
}
