package fr.relais.it.psc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.relais.it.RelaisServerExtension;
import fr.relais.pscsim.AutoLogin;
import fr.relais.pscsim.Endpoint;
import fr.relais.pscsim.PscSimulator;
import fr.relais.runner.DemoProfessional;
import fr.relais.runner.RelaisInstance;

/**
 * The DUI calls national services with the professional's PSC access token: it reads it from Keycloak's
 * broker token endpoint with its own access token, and Keycloak refreshes it when it is about to expire
 * (PSC access tokens live two minutes).
 */
@ExtendWith(RelaisServerExtension.class)
class PscTokenRelayIT {

    private static final DemoProfessional CLAIRE = DemoProfessional.ALL.get(0);

    @AfterEach
    void reset(PscSimulator psc) {
        psc.setAutoLogin(null);
    }

    @Test
    void duiReadsThePscAccessTokenAndGetsAFreshOneNearExpiry(RelaisInstance relais, PscSimulator psc) throws Exception {
        psc.setAutoLogin(AutoLogin.of(CLAIRE.idNatPs()));
        DuiLogin login = DuiLogin.throughPsc(relais);
        String duiAccessToken = login.tokens().get("access_token").asText();
        assertThat(DuiLogin.payload(duiAccessToken).path("resource_access").path("broker").path("roles").toString())
                .contains("read-token");

        String brokerTokenUrl = relais.realmUrl() + "/broker/" + RelaisInstance.PSC_ALIAS + "/token";
        HttpResponse<String> first = login.hops().getWithBearer(brokerTokenUrl, duiAccessToken);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        String pscAccessToken = Admin.JSON.readTree(first.body()).get("access_token").asText();
        JsonNode claims = DuiLogin.payload(pscAccessToken);
        assertThat(claims.get("iss").asText()).isEqualTo(psc.issuer());
        assertThat(claims.get("preferred_username").asText()).isEqualTo(CLAIRE.idNatPs());
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(120);

        // Ask Keycloak to treat any token with less than 10 minutes left as expiring: it must refresh.
        Admin admin = new Admin(relais);
        ObjectNode idp = (ObjectNode) admin.get("realms/relais/identity-provider/instances/psc");
        ((ObjectNode) idp.get("config")).put("minValidityToken", "600");
        admin.put("realms/relais/identity-provider/instances/psc", idp);
        try {
            psc.clearRequests();
            HttpResponse<String> refreshed = login.hops().getWithBearer(brokerTokenUrl, duiAccessToken);
            assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
            String fresh = Admin.JSON.readTree(refreshed.body()).get("access_token").asText();
            assertThat(fresh).isNotEqualTo(pscAccessToken);
            assertThat(psc.lastRequest(Endpoint.TOKEN).param("grant_type")).isEqualTo("refresh_token");
        } finally {
            ((ObjectNode) idp.get("config")).remove("minValidityToken");
            admin.put("realms/relais/identity-provider/instances/psc", idp);
        }
    }

    @Test
    void withoutTheDuisAccessTokenNothingIsRelayed(RelaisInstance relais) throws Exception {
        HttpResponse<String> anonymous = new Hops(relais.pki().serverTrust())
                .getWithBearer(relais.realmUrl() + "/broker/" + RelaisInstance.PSC_ALIAS + "/token", "not-a-token");
        assertThat(anonymous.statusCode()).isIn(400, 401, 403);
        assertThat(anonymous.body()).doesNotContain("access_token");
    }
}
