package fr.relais.it.psc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.relais.it.RelaisServerExtension;
import fr.relais.pscsim.AutoLogin;
import fr.relais.pscsim.Endpoint;
import fr.relais.pscsim.Exercice;
import fr.relais.pscsim.Professional;
import fr.relais.pscsim.PscSimulator;
import fr.relais.pscsim.RecordedRequest;
import fr.relais.runner.DemoProfessional;
import fr.relais.runner.RelaisInstance;
import fr.relais.runner.Secrets;

/** Signing in to the DUI through Pro Santé Connect (the simulator), from the button to the tokens. */
@ExtendWith(RelaisServerExtension.class)
class PscLoginIT {

    private static final DemoProfessional CLAIRE = DemoProfessional.ALL.get(0);
    private static final DemoProfessional PAUL = DemoProfessional.ALL.get(1);
    private static final DemoProfessional INES = DemoProfessional.ALL.get(2);

    @AfterEach
    void reset(PscSimulator psc) {
        psc.clearFault();
        psc.setAutoLogin(null);
    }

    @Test
    void professionalSignsInThroughPscAndTheDuiReceivesTheirIdentity(RelaisInstance relais, PscSimulator psc) throws Exception {
        psc.setAutoLogin(AutoLogin.of(CLAIRE.idNatPs()));
        psc.clearRequests();
        JsonNode tokens = DuiLogin.throughPsc(relais).tokens();

        JsonNode idToken = DuiLogin.payload(tokens.get("id_token").asText());
        assertThat(idToken.get("idnat_ps").asText()).isEqualTo(CLAIRE.idNatPs());
        assertThat(idToken.get("profession").asText()).isEqualTo("60");
        assertThat(idToken.get("acr").asText()).isEqualTo("mie-2fa");
        assertThat(idToken.get("amr").toString()).isEqualTo("[\"sc\",\"pin\",\"mfa\",\"hwk\"]");
        assertThat(idToken.get("practice_finess").asText()).isEqualTo("750000001");

        // What Relais asked PSC for, on the separate wallet host.
        RecordedRequest authorize = psc.lastRequest(Endpoint.AUTHORIZE);
        assertThat(authorize.listener()).isEqualTo("wallet");
        assertThat(authorize.param("scope")).isEqualTo("openid scope_all");
        assertThat(authorize.param("acr_values")).isEqualTo("eidas1");
        assertThat(authorize.param("code_challenge_method")).isEqualTo("S256");
        assertThat(authorize.param("nonce")).isNotBlank();
        assertThat(authorize.param("state")).isNotBlank();
        RecordedRequest token = psc.lastRequest(Endpoint.TOKEN);
        assertThat(token.param("code_verifier")).isNotBlank();
        assertThat(token.clientAuthentication()).isEqualTo("client_secret_basic");
        assertThat(psc.requests(Endpoint.USERINFO)).hasSize(1);
    }

    @Test
    void pscAndCardLoginsOfOneProfessionalLandOnTheSameAccount(RelaisInstance relais, PscSimulator psc) throws Exception {
        psc.setAutoLogin(AutoLogin.of(PAUL.idNatPs()));
        JsonNode viaPsc = DuiLogin.payload(DuiLogin.throughPsc(relais).tokens().get("id_token").asText());

        DuiLogin card = new DuiLogin(relais, relais.pki().presenting(relais.pki().card(PAUL))).start("");
        JsonNode viaCard = DuiLogin.payload(card.tokens().get("id_token").asText());

        assertThat(viaPsc.get("sub").asText()).isEqualTo(viaCard.get("sub").asText());
        assertThat(viaPsc.get("idnat_ps").asText()).isEqualTo(PAUL.idNatPs());
        // Paul practises at his surgery and at the EHPAD: the EHPAD's practice is the session's.
        assertThat(viaPsc.get("practice_finess").asText()).isEqualTo("750000001");

        Admin admin = new Admin(relais);
        JsonNode links = admin.get("realms/relais/users/" + viaPsc.get("sub").asText() + "/federated-identity");
        assertThat(links).hasSize(1);
        assertThat(links.get(0).get("identityProvider").asText()).isEqualTo(RelaisInstance.PSC_ALIAS);
        assertThat(links.get(0).get("userId").asText()).as("linked by idNat_PS").isEqualTo(PAUL.idNatPs());
        assertThat(admin.get("realms/relais/users?q=idnat_ps:" + PAUL.idNatPs())).hasSize(1);
        assertThat(admin.get("realms/relais/users?exact=true&username=" + PAUL.idNatPs())).as("no duplicate account").isEmpty();

        // Signing in again through PSC uses the link, and the login event says how.
        DuiLogin.throughPsc(relais).tokens();
        JsonNode event = admin.events("LOGIN", e -> viaPsc.get("sub").asText().equals(e.path("userId").asText())
                && "e-cps-psc".equals(e.path("details").path("relais_means").asText())).get(0);
        assertThat(event.path("details").path("identity_provider").asText()).isEqualTo(RelaisInstance.PSC_ALIAS);
        assertThat(event.path("details").path("idnat_ps").asText()).isEqualTo(PAUL.idNatPs());
        assertThat(event.path("details").path("psc_acr").asText()).isEqualTo("eidas1");
        assertThat(event.path("details").path("psc_auth_mode").asText()).isEqualTo("CARD");
    }

    @Test
    void practiceIsOnlyTheOneAtTheOrganisation(RelaisInstance relais, PscSimulator psc) throws Exception {
        psc.setAutoLogin(new AutoLogin(INES.idNatPs(), "eidas1", "MOBILE"));
        JsonNode idToken = DuiLogin.payload(DuiLogin.throughPsc(relais).tokens().get("id_token").asText());
        assertThat(idToken.get("idnat_ps").asText()).isEqualTo(INES.idNatPs());
        assertThat(idToken.has("practice_finess")).as("Inès practises only at her surgery").isFalse();
        assertThat(idToken.get("amr").toString()).contains("mfa").doesNotContain("sc");
    }

    @Test
    void namesOfPracticeComeFromPscAtEachLogin(RelaisInstance relais, PscSimulator psc) throws Exception {
        Admin admin = new Admin(relais);
        psc.setAutoLogin(AutoLogin.of(CLAIRE.idNatPs()));
        String userId = DuiLogin.payload(DuiLogin.throughPsc(relais).tokens().get("id_token").asText()).get("sub").asText();
        ObjectNode account = (ObjectNode) admin.get("realms/relais/users/" + userId);
        account.put("firstName", "Ancien").put("lastName", "NOM");
        admin.put("realms/relais/users/" + userId, account);

        JsonNode idToken = DuiLogin.payload(DuiLogin.throughPsc(relais).tokens().get("id_token").asText());
        assertThat(idToken.get("given_name").asText()).isEqualTo(CLAIRE.givenName());
        assertThat(idToken.get("family_name").asText()).isEqualTo(CLAIRE.surname());
        assertThat(admin.get("realms/relais/users/" + userId).get("lastName").asText()).isEqualTo(CLAIRE.surname());
    }

    @Test
    void clientSecretCanComeFromKeycloaksVault(RelaisInstance relais, PscSimulator psc) throws Exception {
        Admin admin = new Admin(relais);
        String path = "realms/relais/identity-provider/instances/" + RelaisInstance.PSC_ALIAS;
        ObjectNode idp = (ObjectNode) admin.get(path);
        String reference = "${vault." + RelaisServerExtension.PSC_VAULT_KEY + "}";
        ((ObjectNode) idp.get("config")).put("clientSecret", reference);
        admin.put(path, idp);
        try {
            assertThat(admin.get(path).path("config").path("clientSecret").asText())
                    .as("only the reference is stored").isEqualTo(reference);
            psc.setAutoLogin(AutoLogin.of(CLAIRE.idNatPs()));
            psc.clearRequests();
            JsonNode idToken = DuiLogin.payload(DuiLogin.throughPsc(relais).tokens().get("id_token").asText());
            assertThat(idToken.get("idnat_ps").asText()).isEqualTo(CLAIRE.idNatPs());
            // The simulator accepted the secret read from the vault file.
            assertThat(psc.lastRequest(Endpoint.TOKEN).clientAuthentication()).isEqualTo("client_secret_basic");
        } finally {
            ((ObjectNode) idp.get("config")).put("clientSecret", relais.secrets().get(Secrets.PSC_CLIENT_SECRET));
            admin.put(path, idp);
        }
    }

    @Test
    void professionalUnknownToTheDirectoryIsRefusedWithAnExplanation(RelaisInstance relais, PscSimulator psc) throws Exception {
        String stranger = "899700999980";
        psc.addProfessional(new Professional(stranger, "M", "Jean", "INCONNU", "RPPS",
                List.of(Exercice.of(List.of(), "codeProfession", "10"))));
        psc.setAutoLogin(AutoLogin.of(stranger));
        DuiLogin login = DuiLogin.throughPsc(relais);

        assertThat(login.page().statusCode()).isEqualTo(401);
        assertThat(login.page().body()).contains("aucun compte de l&#39;établissement ne correspond")
                .doesNotContain("Exception");
        Admin admin = new Admin(relais);
        assertThat(admin.events(null, e -> "user_not_found".equals(e.path("error").asText())
                && stranger.equals(e.path("details").path("idnat_ps").asText()))).isNotEmpty();
        assertThat(admin.get("realms/relais/users?q=idnat_ps:" + stranger)).isEmpty();
        assertThat(admin.get("realms/relais/users?exact=true&username=" + stranger)).isEmpty();
    }
}
