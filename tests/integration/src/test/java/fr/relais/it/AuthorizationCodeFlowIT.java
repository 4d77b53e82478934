package fr.relais.it;

import static fr.relais.it.DuiRequests.authorizationUrl;
import static fr.relais.it.DuiRequests.challenge;
import static fr.relais.it.DuiRequests.payload;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import fr.relais.runner.DemoProfessional;
import fr.relais.runner.RelaisInstance;
import fr.relais.runner.Secrets;

/** A sign-in to the DUI client, the way a browser does it, over TLS with and without a card. */
@ExtendWith(RelaisServerExtension.class)
class AuthorizationCodeFlowIT {

    private static final String REDIRECT_URI = DuiRequests.REDIRECT_URI;

    @Test
    void demoProfessionalSignsInToTheDuiAndTheTokenCarriesTheNationalId(RelaisInstance relais) throws Exception {
        DemoProfessional claire = DemoProfessional.ALL.get(0);
        Browser browser = new Browser(relais.pki().serverTrust());
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();

        HttpResponse<String> loginPage = browser.get(authorizationUrl(relais, challenge(verifier)));
        assertThat(loginPage.statusCode()).isEqualTo(200);
        HttpResponse<String> afterLogin = browser.postForm(Browser.loginFormAction(loginPage.body()),
                Map.of("username", claire.username(), "password", relais.secrets().get(Secrets.DEMO_USER_PASSWORD)));
        assertThat(afterLogin.statusCode()).as(afterLogin.body()).isEqualTo(302);
        String location = afterLogin.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT_URI);

        HttpResponse<String> tokenResponse = browser.postForm(relais.realmUrl() + "/protocol/openid-connect/token",
                Map.of("grant_type", "authorization_code", "code", Browser.queryOf(location).get("code"),
                        "redirect_uri", REDIRECT_URI, "code_verifier", verifier),
                RelaisInstance.DUI_CLIENT_ID, relais.secrets().get(Secrets.DUI_CLIENT_SECRET));
        assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(200);
        JsonNode idToken = payload(AdminApi.JSON.readTree(tokenResponse.body()).get("id_token").asText());
        assertThat(idToken.get("idnat_ps").asText()).isEqualTo(claire.idNatPs());
        assertThat(idToken.get("profession").asText()).isEqualTo("60");
        assertThat(idToken.get("aud").asText()).isEqualTo(RelaisInstance.DUI_CLIENT_ID);
    }

    @Test
    void authorizationRequestWithoutPkceIsRefused(RelaisInstance relais) throws Exception {
        HttpResponse<String> response = new Browser(relais.pki().serverTrust()).get(relais.realmUrl()
                + "/protocol/openid-connect/auth?response_type=code&client_id=dui&scope=openid&redirect_uri="
                + REDIRECT_URI);
        assertThat(response.statusCode()).isEqualTo(302);
        Map<String, String> error = Browser.queryOf(response.headers().firstValue("Location").orElseThrow());
        assertThat(error.get("error")).isEqualTo("invalid_request");
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountForAWhile(RelaisInstance relais) throws Exception {
        DemoProfessional lucas = DemoProfessional.ALL.get(3);
        Browser browser = new Browser(relais.pki().serverTrust());
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> page = browser.get(authorizationUrl(relais, challenge("y".repeat(43))));
            HttpResponse<String> refused = browser.postForm(Browser.loginFormAction(page.body()),
                    Map.of("username", lucas.username(), "password", "wrong-" + i));
            assertThat(refused.statusCode()).isEqualTo(200);
        }
        HttpResponse<String> page = browser.get(authorizationUrl(relais, challenge("y".repeat(43))));
        HttpResponse<String> stillRefused = browser.postForm(Browser.loginFormAction(page.body()),
                Map.of("username", lucas.username(), "password", relais.secrets().get(Secrets.DEMO_USER_PASSWORD)));
        assertThat(stillRefused.statusCode()).as("the right password during the lockout").isEqualTo(200);
        assertThat(stillRefused.body()).contains("kc-form-login");
    }
}
