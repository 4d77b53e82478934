package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import fr.relais.runner.RelaisInstance;

/** The baseline realm as imported from realm-config/relais-realm.json by --import-realm. */
@ExtendWith(RelaisServerExtension.class)
class BaselineRealmIT {

    @Test
    void sessionPolicyFollowsTheRie(RelaisInstance relais) throws Exception {
        JsonNode realm = new AdminApi(relais).get("realms/relais");
        // RIE v2 EXI RIE-PS 13: 4 h at most, 30 min idle.
        assertThat(realm.get("ssoSessionMaxLifespan").asInt()).isEqualTo(4 * 3600);
        assertThat(realm.get("ssoSessionIdleTimeout").asInt()).isEqualTo(30 * 60);
        assertThat(realm.get("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.get("defaultLocale").asText()).isEqualTo("fr");
        assertThat(realm.get("loginTheme").asText()).isEqualTo("relais");
    }

    @Test
    void appClientsAreConfidentialWithPkce(RelaisInstance relais) throws Exception {
        AdminApi admin = new AdminApi(relais);
        for (String clientId : List.of(RelaisInstance.DUI_CLIENT_ID, RelaisInstance.VIATRAJECTOIRE_CLIENT_ID)) {
            JsonNode client = admin.get("realms/relais/clients?clientId=" + clientId).get(0);
            assertThat(client.get("publicClient").asBoolean()).as(clientId).isFalse();
            assertThat(client.get("standardFlowEnabled").asBoolean()).as(clientId).isTrue();
            assertThat(client.get("directAccessGrantsEnabled").asBoolean()).as(clientId).isFalse();
            assertThat(client.get("implicitFlowEnabled").asBoolean()).as(clientId).isFalse();
            assertThat(client.get("attributes").get("pkce.code.challenge.method").asText()).as(clientId).isEqualTo("S256");
        }
    }

    @Test
    void browserFlowHasTheSlotsOfEachMeans(RelaisInstance relais) throws Exception {
        AdminApi admin = new AdminApi(relais);
        String browserFlow = admin.get("realms/relais").get("browserFlow").asText();
        assertThat(browserFlow).isEqualTo("relais browser");

        List<String> steps = new ArrayList<>();
        admin.get("realms/relais/authentication/flows/relais%20browser/executions").forEach(execution -> steps.add(
                execution.path("level").asInt() + ":" + execution.path("providerId").asText(execution.path("displayName").asText())
                        + ":" + execution.get("requirement").asText()));
        assertThat(steps).containsSubsequence(
                "0:auth-cookie:ALTERNATIVE",
                "0:relais-session-grace:ALTERNATIVE",
                "0:relais-cps-card:ALTERNATIVE",
                "0:relais-idp-redirector:ALTERNATIVE",
                "1:relais-username-password-form:REQUIRED",
                "2:conditional-user-configured:REQUIRED",
                "2:webauthn-authenticator:ALTERNATIVE",
                "2:auth-otp-form:ALTERNATIVE",
                "2:relais-condition-upstream-down:REQUIRED",
                "2:conditional-credential:REQUIRED",
                "2:deny-access-authenticator:REQUIRED",
                "0:relais-break-glass:ALTERNATIVE");
    }

    @Test
    void loginPageSpeaksFrenchInTheRelaisTheme(RelaisInstance relais) throws Exception {
        HttpResponse<String> page = new Browser(relais.pki().serverTrust()).get(relais.realmUrl()
                + "/protocol/openid-connect/auth?response_type=code&client_id=dui&scope=openid"
                + "&redirect_uri=" + RelaisServerExtension.DUI_URL + "/callback"
                + "&code_challenge_method=S256&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"fr\"").contains("/resources/").contains("relais.css");
    }
}
