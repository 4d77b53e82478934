package fr.relais.pscsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginPageTest {

    static PscSimulator psc;
    TestRp rp;

    @BeforeAll
    static void start() {
        psc = PscSimulator.start(SimulatorConfig.builder()
                .client(ClientRegistration.withSecret("rp", "rp-secret", "https://rp.example/*"))
                .build());
    }

    @AfterAll
    static void stop() {
        psc.close();
    }

    @BeforeEach
    void newRp() {
        rp = new TestRp(psc, "rp", "rp-secret");
    }

    @AfterEach
    void reset() {
        psc.setAutoLogin(null);
    }

    @Test
    void withoutLoginHintShowsTheDemoProfessionalsInFrench() {
        HttpResponse<String> page = rp.get(rp.authorizeUri());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(page.body())
                .contains("lang=\"fr\"")
                .contains("Connexion à Pro Santé Connect")
                .contains("Claire MARTIN").contains("899700100011").contains("Infirmier")
                .contains("Paul DURAND").contains("899700100029").contains("Médecin")
                .contains("Carte CPS").contains("Application e-CPS")
                .contains("eidas1").contains("eidas2").contains("eidas3")
                .contains("Se connecter").contains("Annuler");
    }

    @Test
    void pickingAProfessionalOnThePageLogsThemIn() {
        HttpResponse<String> page = rp.get(rp.authorizeUri());

        HttpResponse<String> submitted = submit(page, Map.of("idNat", "899700100029", "authMode", "MOBILE",
                "acr", "eidas2", "action", "approve"));

        assertThat(submitted.statusCode()).isEqualTo(302);
        Map<String, String> params = TestRp.redirectParams(submitted);
        assertThat(params).containsEntry("state", rp.state);
        HttpResponse<String> tokens = rp.exchange(params.get("code"));
        JsonNode json = TestRp.json(tokens.body());
        assertThat(rp.verified(json.get("id_token").asText()).getClaim("acr")).isEqualTo("eidas2");
        assertThat(rp.verified(json.get("id_token").asText()).getClaim("SubjectNameID")).isEqualTo("899700100029");
        assertThat(TestRp.json(rp.userinfo(json.get("access_token").asText()).body()).get("authMode").asText())
                .isEqualTo("MOBILE");
    }

    @Test
    void cancellingSendsAccessDenied() {
        HttpResponse<String> page = rp.get(rp.authorizeUri());

        HttpResponse<String> submitted = submit(page, Map.of("action", "cancel"));

        assertThat(submitted.statusCode()).isEqualTo(302);
        assertThat(TestRp.redirectParams(submitted)).containsEntry("error", "access_denied")
                .containsEntry("state", rp.state);
    }

    @Test
    void theSsoCookieLogsInSilentlyUntilPromptLogin() {
        rp.login("899700100011");
        rp.newTransaction();

        HttpResponse<String> silent = rp.get(rp.authorizeUri());
        assertThat(silent.statusCode()).isEqualTo(302);
        assertThat(TestRp.redirectParams(silent)).containsKey("code");

        HttpResponse<String> forced = rp.get(rp.authorizeUri("prompt", "login"));
        assertThat(forced.statusCode()).isEqualTo(200);
        assertThat(forced.body()).contains("Se connecter");
    }

    @Test
    void promptNoneWithoutSessionIsLoginRequired() {
        HttpResponse<String> response = rp.get(rp.authorizeUri("prompt", "none"));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(TestRp.redirectParams(response)).containsEntry("error", "login_required");
    }

    @Test
    void autoLoginApprovesRequestsWithoutLoginHint() {
        psc.setAutoLogin(new AutoLogin("899700100037", "eidas3", "MOBILE"));

        HttpResponse<String> response = rp.get(rp.authorizeUri());

        assertThat(response.statusCode()).isEqualTo(302);
        JsonNode tokens = TestRp.json(rp.exchange(TestRp.redirectParams(response).get("code")).body());
        assertThat(rp.verified(tokens.get("id_token").asText()).getClaim("preferred_username"))
                .isEqualTo("899700100037");
        assertThat(rp.verified(tokens.get("id_token").asText()).getClaim("acr")).isEqualTo("eidas3");
    }

    @Test
    void anUnknownLoginHintShowsThePageWithANotice() {
        HttpResponse<String> response = rp.get(rp.authorizeUri("login_hint", "899700999999"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Aucun professionnel de démonstration").contains("899700999999");
    }

    /** Posts the page's form like a browser: its hidden fields plus the choices. */
    private HttpResponse<String> submit(HttpResponse<String> page, Map<String, String> choices) {
        Matcher tx = Pattern.compile("name=\"tx\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(tx.find()).isTrue();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("tx", tx.group(1));
        form.putAll(choices);
        // action="" posts back to the page's own URL.
        URI target = page.uri();
        return rp.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(TestRp.encode(form))).build());
    }
}
