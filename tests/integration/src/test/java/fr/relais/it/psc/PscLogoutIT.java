package fr.relais.it.psc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import fr.relais.it.RelaisServerExtension;
import fr.relais.pscsim.AutoLogin;
import fr.relais.pscsim.Endpoint;
import fr.relais.pscsim.PscSimulator;
import fr.relais.pscsim.RecordedRequest;
import fr.relais.runner.DemoProfessional;
import fr.relais.runner.RelaisInstance;

/** ANS guidance: an explicit logout ends the PSC session too; the end of a Relais session alone does not. */
@ExtendWith(RelaisServerExtension.class)
class PscLogoutIT {

    private static final DemoProfessional INES = DemoProfessional.ALL.get(2);

    @AfterEach
    void reset(PscSimulator psc) {
        psc.setAutoLogin(null);
    }

    @Test
    void explicitLogoutEndsThePscSessionAndReturnsToTheDui(RelaisInstance relais, PscSimulator psc) throws Exception {
        psc.setAutoLogin(AutoLogin.of(INES.idNatPs()));
        DuiLogin login = DuiLogin.throughPsc(relais);
        String idToken = login.tokens().get("id_token").asText();
        psc.setAutoLogin(null);
        psc.clearRequests();

        Hops.Result logout = login.hops().follow(relais.realmUrl() + "/protocol/openid-connect/logout?id_token_hint=" + idToken
                + "&post_logout_redirect_uri=" + RelaisServerExtension.DUI_URL + "/logged-out&state=bye", RelaisServerExtension.DUI_URL);

        assertThat(logout.landed()).as(logout.last().statusCode() + " " + logout.last().body()).isTrue();
        assertThat(logout.landedAt()).startsWith(RelaisServerExtension.DUI_URL + "/logged-out");
        assertThat(Hops.queryOf(logout.landedAt()).get("state")).isEqualTo("bye");
        RecordedRequest endSession = psc.lastRequest(Endpoint.LOGOUT);
        assertThat(endSession).as("Relais sent the browser to PSC's end_session endpoint").isNotNull();
        assertThat(endSession.param("id_token_hint")).isNotBlank();
        assertThat(endSession.param("state")).isNotBlank();
        assertThat(endSession.param("post_logout_redirect_uri"))
                .endsWith("/realms/relais/broker/" + RelaisInstance.PSC_ALIAS + "/endpoint/logout_response");

        // Both sessions are over: the same browser going back to PSC meets PSC's own login page.
        Hops.Result back = login.hops().follow(relais.realmUrl() + "/protocol/openid-connect/auth?response_type=code&client_id="
                + RelaisInstance.DUI_CLIENT_ID + "&scope=openid&redirect_uri=" + DuiLogin.REDIRECT_URI
                + "&code_challenge_method=S256&code_challenge=" + DuiLogin.challenge("x".repeat(43))
                + "&kc_idp_hint=" + RelaisInstance.PSC_ALIAS, RelaisServerExtension.DUI_URL);
        assertThat(back.landed()).isFalse();
        assertThat(back.last().uri().toString()).startsWith(psc.authorizationEndpoint());
        assertThat(back.last().statusCode()).isEqualTo(200);
    }

    @Test
    void endOfTheRelaisSessionLeavesPscAlone(RelaisInstance relais, PscSimulator psc) throws Exception {
        psc.setAutoLogin(AutoLogin.of(INES.idNatPs()));
        JsonNode idToken = DuiLogin.payload(DuiLogin.throughPsc(relais).tokens().get("id_token").asText());
        psc.clearRequests();

        // Keycloak drops an expired session without any request to PSC; removing the session as an
        // administrator goes through the same logout path minus the browser, so it must not call PSC either.
        Admin admin = new Admin(relais);
        List<String> sessions = new java.util.ArrayList<>();
        admin.get("realms/relais/users/" + idToken.get("sub").asText() + "/sessions").forEach(s -> sessions.add(s.get("id").asText()));
        assertThat(sessions).isNotEmpty();
        for (String session : sessions) {
            admin.delete("realms/relais/sessions/" + session);
        }
        assertThat(psc.requests(Endpoint.LOGOUT)).isEmpty();
    }
}
