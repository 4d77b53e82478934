package fr.relais.it.psc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

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
import fr.relais.runner.Secrets;

/**
 * The DUI calls national services with the professional's PSC access token: it reads the one of the
 * professional's own session from Keycloak (identity brokering API v2: the DUI's credentials and the
 * professional's access token), and Keycloak refreshes it when it is about to expire (PSC access tokens
 * live two minutes). A session opened another way gets none, even while the same professional has a PSC
 * session elsewhere.
 */
@ExtendWith(RelaisServerExtension.class)
class PscTokenRelayIT {

    private static final DemoProfessional CLAIRE = DemoProfessional.ALL.get(0);

    @AfterEach
    void reset(PscSimulator psc) {
        psc.setAutoLogin(null);
    }

    @Test
    void duiReadsThePscAccessTokenOfTheSessionAndGetsAFreshOneNearExpiry(RelaisInstance relais, PscSimulator psc) throws Exception {
        DuiLogin login = claireThroughPsc(relais, psc);
        String duiAccessToken = login.tokens().get("access_token").asText();

        HttpResponse<String> first = relay(relais, login.hops(), duiAccessToken);
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
            HttpResponse<String> refreshed = relay(relais, login.hops(), duiAccessToken);
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
    void aCardSessionGetsNoPscTokenWhileThatProfessionalsPscSessionKeepsItsOwn(RelaisInstance relais, PscSimulator psc)
            throws Exception {
        DuiLogin viaPsc = claireThroughPsc(relais, psc);
        String pscSessionToken = viaPsc.tokens().get("access_token").asText();
        assertThat(relay(relais, viaPsc.hops(), pscSessionToken).statusCode()).isEqualTo(200);

        // The same professional, on another workstation, with her card: a session without e-CPS behind it.
        DuiLogin viaCard = new DuiLogin(relais, relais.pki().presenting(relais.pki().card(CLAIRE))).start("");
        String cardSessionToken = viaCard.tokens().get("access_token").asText();
        assertThat(DuiLogin.payload(cardSessionToken).get("sub").asText())
                .isEqualTo(DuiLogin.payload(pscSessionToken).get("sub").asText());
        HttpResponse<String> refused = relay(relais, viaCard.hops(), cardSessionToken);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain("access_token");

        assertThat(relay(relais, viaPsc.hops(), pscSessionToken).statusCode()).isEqualTo(200);
    }

    @Test
    void onlyTheDuiWithItsCredentialsAndAValidAccessTokenGetsATokenRelayed(RelaisInstance relais, PscSimulator psc)
            throws Exception {
        DuiLogin login = claireThroughPsc(relais, psc);
        String duiAccessToken = login.tokens().get("access_token").asText();
        Hops hops = login.hops();
        String url = relayUrl(relais);

        HttpResponse<String> forged = relay(relais, hops, "not-a-token");
        assertThat(forged.statusCode()).isEqualTo(400);
        HttpResponse<String> withoutCredentials = hops.postForm(url, Map.of("token", duiAccessToken), null, null);
        assertThat(withoutCredentials.statusCode()).isIn(400, 401);
        // ViaTrajectoire has no business with PSC tokens: not allowed for this provider.
        HttpResponse<String> otherApplication = hops.postForm(url, Map.of("token", duiAccessToken),
                RelaisInstance.VIATRAJECTOIRE_CLIENT_ID, relais.secrets().get(Secrets.VIATRAJECTOIRE_CLIENT_SECRET));
        assertThat(otherApplication.statusCode()).isEqualTo(403);
        for (HttpResponse<String> response : new HttpResponse[] {forged, withoutCredentials, otherApplication}) {
            assertThat(response.body()).doesNotContain("access_token");
        }
    }

    private static DuiLogin claireThroughPsc(RelaisInstance relais, PscSimulator psc) throws Exception {
        psc.setAutoLogin(AutoLogin.of(CLAIRE.idNatPs()));
        return DuiLogin.throughPsc(relais);
    }

    /** What the DUI's server sends: its own credentials and the professional's access token. */
    private static HttpResponse<String> relay(RelaisInstance relais, Hops hops, String accessToken) throws Exception {
        return hops.postForm(relayUrl(relais), Map.of("token", accessToken),
                RelaisInstance.DUI_CLIENT_ID, relais.secrets().get(Secrets.DUI_CLIENT_SECRET));
    }

    private static String relayUrl(RelaisInstance relais) {
        return relais.realmUrl() + "/broker/" + RelaisInstance.PSC_ALIAS + "/token";
    }
}
