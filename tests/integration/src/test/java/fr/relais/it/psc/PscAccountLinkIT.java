package fr.relais.it.psc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import fr.relais.it.RelaisServerExtension;
import fr.relais.pscsim.AutoLogin;
import fr.relais.pscsim.Endpoint;
import fr.relais.pscsim.PscSimulator;
import fr.relais.runner.DemoProfessional;
import fr.relais.runner.RelaisInstance;
import fr.relais.runner.Secrets;

/**
 * Linking a PSC identity to the signed-in account ({@code kc_action=idp_link:psc}, what the account
 * console's "Linked accounts" does): only the account the directory holds for the idNat_PS may be linked,
 * as on a first PSC login. Keycloak alone would link whatever e-CPS is presented to whoever is signed in.
 * The account console's client is used because Keycloak only offers the action to a client that may
 * manage the account (the DUI may not).
 */
@ExtendWith(RelaisServerExtension.class)
class PscAccountLinkIT {

    private static final DemoProfessional CLAIRE = DemoProfessional.ALL.get(0);
    private static final String CLIENT_ID = "account-console";

    @AfterEach
    void reset(PscSimulator psc) {
        psc.setAutoLogin(null);
    }

    @Test
    void someoneElsesPscIdentityIsNotLinkedToTheSignedInAccount(RelaisInstance relais, PscSimulator psc) throws Exception {
        Admin admin = new Admin(relais);
        String username = "lien.psc." + UUID.randomUUID().toString().substring(0, 8);
        String password = relais.secrets().get(Secrets.DEMO_USER_PASSWORD);
        admin.post("realms/relais/users", Admin.JSON.valueToTree(Map.of("username", username, "enabled", true,
                "firstName", "Agent", "lastName", "ACCUEIL", "email", username + "@ehpad.test", "emailVerified", true,
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)))));
        String userId = admin.get("realms/relais/users?exact=true&username=" + username).get(0).get("id").asText();
        try {
            // Claire's e-CPS, presented while somebody without any idNat_PS is signed in.
            psc.setAutoLogin(AutoLogin.of(CLAIRE.idNatPs()));
            psc.clearRequests();
            Hops.Result result = link(relais, username, password);

            assertThat(psc.requests(Endpoint.AUTHORIZE)).as("linking went to PSC").isNotEmpty();
            assertThat(result.landed()).as("the link must not complete: " + result.landedAt()).isFalse();
            assertThat(result.last().statusCode()).isEqualTo(400);
            assertThat(result.last().body()).contains("n&#39;a pas été liée").doesNotContain("Exception");
            assertThat(admin.get("realms/relais/users/" + userId + "/federated-identity")).isEmpty();
            assertThat(admin.events(null, e -> "relais_psc_link_refused".equals(e.path("error").asText())
                    && CLAIRE.idNatPs().equals(e.path("details").path("idnat_ps").asText())
                    && userId.equals(e.path("userId").asText()))).isNotEmpty();
        } finally {
            admin.delete("realms/relais/users/" + userId);
        }
    }

    @Test
    void theProfessionalsOwnPscIdentityIsLinked(RelaisInstance relais, PscSimulator psc) throws Exception {
        Admin admin = new Admin(relais);
        String userId = admin.unlinkedFromPsc(CLAIRE.idNatPs());

        psc.setAutoLogin(AutoLogin.of(CLAIRE.idNatPs()));
        Hops.Result result = link(relais, CLAIRE.username(), relais.secrets().get(Secrets.DEMO_USER_PASSWORD));

        assertThat(result.landed()).as("ended on %s: %s", result.last().statusCode(), result.last().body()).isTrue();
        assertThat(Hops.queryOf(result.landedAt()).get("kc_action_status")).isEqualTo("success");
        JsonNode links = admin.get("realms/relais/users/" + userId + "/federated-identity");
        assertThat(links).hasSize(1);
        assertThat(links.get(0).get("identityProvider").asText()).isEqualTo(RelaisInstance.PSC_ALIAS);
        assertThat(links.get(0).get("userId").asText()).isEqualTo(CLAIRE.idNatPs());
    }

    /**
     * A browser without a card: signs in with a password on an authorization request asking to link PSC,
     * confirms the link, and follows PSC (the simulator signs in on its own) back to Keycloak.
     */
    private static Hops.Result link(RelaisInstance relais, String username, String password) throws Exception {
        String redirectUri = relais.realmUrl() + "/account/";
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        Hops hops = new Hops(relais.pki().serverTrust());
        Hops.Result login = hops.follow(relais.realmUrl() + "/protocol/openid-connect/auth?response_type=code&client_id="
                + CLIENT_ID + "&scope=openid&redirect_uri=" + redirectUri + "&state=" + UUID.randomUUID()
                + "&code_challenge_method=S256&code_challenge=" + DuiLogin.challenge(verifier)
                + "&kc_action=idp_link:" + RelaisInstance.PSC_ALIAS, redirectUri);
        assertThat(login.landed()).as("the password form").isFalse();
        Hops.Result confirmation = submit(hops, hops.postForm(formAction(login.last().body(), "kc-form-login"),
                Map.of("username", username, "password", password), null, null), redirectUri);
        assertThat(confirmation.landed()).as("Keycloak asks to confirm the link").isFalse();
        assertThat(confirmation.last().statusCode()).as(confirmation.last().body()).isEqualTo(200);
        return submit(hops, hops.postForm(formAction(confirmation.last().body(), null), Map.of("continue", ""), null, null),
                redirectUri);
    }

    /** The page a form POST ends on, following its redirects. */
    private static Hops.Result submit(Hops hops, HttpResponse<String> response, String stopAt) throws Exception {
        if (response.statusCode() / 100 != 3) {
            return new Hops.Result(response, null);
        }
        String next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow()).toString();
        return next.startsWith(stopAt) ? new Hops.Result(response, next) : hops.follow(next, stopAt);
    }

    /** The action of the form with this id, or of the page's first form when {@code formId} is null. */
    private static String formAction(String page, String formId) {
        String id = formId == null ? "" : "[^>]*id=\"" + Pattern.quote(formId) + "\"";
        Matcher m = Pattern.compile("<form" + id + "[^>]*action=\"([^\"]+)\"", Pattern.DOTALL).matcher(page);
        boolean found = m.find();
        if (!found && formId != null) {
            m = Pattern.compile("<form[^>]*action=\"([^\"]+)\"[^>]*id=\"" + Pattern.quote(formId) + "\"", Pattern.DOTALL)
                    .matcher(page);
            found = m.find();
        }
        assertThat(found).as("form %s in page:%n%s", formId, page).isTrue();
        return m.group(1).replace("&amp;", "&");
    }
}
