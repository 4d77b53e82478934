package fr.relais.it.psc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import fr.relais.it.RelaisServerExtension;
import fr.relais.pscsim.AutoLogin;
import fr.relais.pscsim.ClientRegistration;
import fr.relais.pscsim.Endpoint;
import fr.relais.pscsim.Fault;
import fr.relais.pscsim.PscSimulator;
import fr.relais.pscsim.UserinfoFormat;
import fr.relais.runner.DemoProfessional;
import fr.relais.runner.PscConnection;
import fr.relais.runner.RelaisInstance;

/**
 * PSC may answer userinfo as a JWT signed with its keys: Relais verifies it with the keys Keycloak
 * already holds (no download per login) and refuses a forged or misdirected one.
 */
@ExtendWith(RelaisServerExtension.class)
class PscSignedUserInfoIT {

    /** Not Lucas: another test locks his account on purpose (brute-force protection). */
    private static final DemoProfessional CLAIRE = DemoProfessional.ALL.get(0);
    private ClientRegistration original;

    @BeforeEach
    void answerUserinfoAsJwt(PscSimulator psc) {
        original = psc.clients().stream().filter(c -> c.clientId().equals(PscConnection.SIMULATOR_CLIENT_ID)).findFirst()
                .orElseThrow();
        psc.registerClient(original.withUserinfoFormat(UserinfoFormat.JWT));
        psc.setAutoLogin(AutoLogin.of(CLAIRE.idNatPs()));
    }

    @AfterEach
    void restore(PscSimulator psc) {
        psc.clearFault();
        psc.registerClient(original);
        psc.setAutoLogin(null);
    }

    @Test
    void signedUserinfoIsVerifiedWithTheCachedKeys(RelaisInstance relais, PscSimulator psc) throws Exception {
        DuiLogin.throughPsc(relais).tokens();
        psc.clearRequests();
        JsonNode idToken = DuiLogin.payload(DuiLogin.throughPsc(relais).tokens().get("id_token").asText());

        assertThat(idToken.get("idnat_ps").asText()).isEqualTo(CLAIRE.idNatPs());
        assertThat(psc.lastRequest(Endpoint.USERINFO)).isNotNull();
        // The continuity module's health probes also read the keys, every few seconds: only the login's count.
        assertThat(psc.requests(Endpoint.JWKS)).filteredOn(r -> !"Relais-upstream-probe".equals(r.header("user-agent")))
                .as("PSC's keys come from Keycloak's cache").isEmpty();
    }

    @Test
    void forgedSignedUserinfoIsRefused(RelaisInstance relais, PscSimulator psc) throws Exception {
        assertRefused(relais, psc, Fault.badSignature().onlyOn(Endpoint.USERINFO), "relais_psc_bad_signature");
    }

    @Test
    void signedUserinfoForAnotherClientIsRefused(RelaisInstance relais, PscSimulator psc) throws Exception {
        assertRefused(relais, psc, Fault.wrongAudience().onlyOn(Endpoint.USERINFO), "relais_psc_wrong_audience");
    }

    private static void assertRefused(RelaisInstance relais, PscSimulator psc, Fault fault, String error) throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        psc.setFault(fault);
        DuiLogin login = DuiLogin.throughPsc(relais);
        psc.clearFault();
        assertThat(login.page().statusCode()).isEqualTo(200);
        assertThat(login.page().body()).contains("n&#39;a pas pu être vérifiée").contains("kc-form-login");
        assertThat(new Admin(relais).events("IDENTITY_PROVIDER_LOGIN_ERROR", e -> error.equals(e.path("error").asText())
                && e.path("time").asLong() >= before.toEpochMilli()
                && "userinfo".equals(e.path("details").path("psc_endpoint").asText()))).isNotEmpty();
    }
}
