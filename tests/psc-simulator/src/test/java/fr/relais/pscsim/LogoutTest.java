package fr.relais.pscsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LogoutTest {

    static PscSimulator psc;
    TestRp rp;

    @BeforeAll
    static void start() {
        psc = PscSimulator.start(SimulatorConfig.builder()
                .client(ClientRegistration.withSecret("rp", "rp-secret", TestRp.REDIRECT_URI)
                        .withPostLogoutRedirectUris(TestRp.POST_LOGOUT_URI))
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

    @Test
    void logoutRedirectsWithStateAndEndsTheSession() {
        JsonNode tokens = rp.login("899700100011");
        String idToken = tokens.get("id_token").asText();

        HttpResponse<String> response = rp.get(Urls.withParams(psc.endSessionEndpoint(), "id_token_hint", idToken,
                "post_logout_redirect_uri", TestRp.POST_LOGOUT_URI, "state", "logout-state-42"));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValue(TestRp.POST_LOGOUT_URI + "?state=logout-state-42");
        RecordedRequest logout = psc.lastRequest(Endpoint.LOGOUT);
        assertThat(logout.param("id_token_hint")).isEqualTo(idToken);
        assertThat(logout.param("post_logout_redirect_uri")).isEqualTo(TestRp.POST_LOGOUT_URI);
        // The PSC session is over: refresh token and access token stop working, the page shows again.
        HttpResponse<String> refresh = rp.postForm(psc.tokenEndpoint(),
                Map.of("grant_type", "refresh_token", "refresh_token", tokens.get("refresh_token").asText()), true);
        assertThat(refresh.statusCode()).isEqualTo(400);
        assertThat(rp.userinfo(tokens.get("access_token").asText()).statusCode()).isEqualTo(401);
        rp.newTransaction();
        assertThat(rp.get(rp.authorizeUri()).statusCode()).isEqualTo(200);
    }

    @Test
    void unregisteredPostLogoutUriIsRefused() {
        String idToken = rp.login("899700100011").get("id_token").asText();

        HttpResponse<String> response = rp.get(Urls.withParams(psc.endSessionEndpoint(), "id_token_hint", idToken,
                "post_logout_redirect_uri", "https://evil.example/"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void aForgedIdTokenHintIsRefused() {
        HttpResponse<String> response = rp.get(Urls.withParams(psc.endSessionEndpoint(), "id_token_hint",
                "eyJhbGciOiJub25lIn0.eyJ0eXAiOiJJRCJ9.", "post_logout_redirect_uri", TestRp.POST_LOGOUT_URI));

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void withoutRedirectUriShowsALoggedOutPage() {
        String idToken = rp.login("899700100011").get("id_token").asText();

        HttpResponse<String> response = rp.get(Urls.withParams(psc.endSessionEndpoint(), "id_token_hint", idToken));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Vous êtes déconnecté");
    }
}
