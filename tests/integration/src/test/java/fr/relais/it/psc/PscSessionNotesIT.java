package fr.relais.it.psc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.relais.it.RelaisServerExtension;
import fr.relais.pscsim.AutoLogin;
import fr.relais.pscsim.DemoProfessionals;
import fr.relais.pscsim.PscSimulator;
import fr.relais.runner.DemoProfessional;
import fr.relais.runner.RelaisInstance;

/**
 * PSC's eIDAS level and authMode end up in the user session's notes and in the login event, on a first
 * login (through the first-broker-login flow, which resets the session's notes) as on a returning one.
 * The notes are read through user-session-note token mappers added to the DUI for the test.
 * Also: every SubjectRefPro practice is kept in a note, not only the one at the organisation.
 */
@ExtendWith(RelaisServerExtension.class)
class PscSessionNotesIT {

    private static final DemoProfessional LUCAS = DemoProfessional.ALL.get(3);
    private static final List<String[]> NOTES = List.of(
            new String[] {"relais.psc.acr", "test_psc_acr"},
            new String[] {"relais.psc.authMode", "test_psc_auth_mode"},
            new String[] {"relais.psc.practices", "test_psc_practices"});

    private static String duiId;

    @BeforeAll
    static void noteMappers(RelaisInstance relais) throws Exception {
        Admin admin = new Admin(relais);
        duiId = admin.get("realms/relais/clients?clientId=" + RelaisInstance.DUI_CLIENT_ID).get(0).get("id").asText();
        for (String[] note : NOTES) {
            ObjectNode mapper = Admin.JSON.createObjectNode().put("name", note[1]).put("protocol", "openid-connect")
                    .put("protocolMapper", "oidc-usersessionmodel-note-mapper");
            mapper.putObject("config").put("user.session.note", note[0]).put("claim.name", note[1])
                    .put("jsonType.label", "String").put("id.token.claim", "true").put("access.token.claim", "true");
            admin.post("realms/relais/clients/" + duiId + "/protocol-mappers/models", mapper);
        }
    }

    @AfterAll
    static void removeNoteMappers(RelaisInstance relais) throws Exception {
        Admin admin = new Admin(relais);
        for (JsonNode mapper : admin.get("realms/relais/clients/" + duiId + "/protocol-mappers/models")) {
            if (mapper.path("name").asText().startsWith("test_psc_")) {
                admin.delete("realms/relais/clients/" + duiId + "/protocol-mappers/models/" + mapper.get("id").asText());
            }
        }
    }

    @AfterEach
    void reset(PscSimulator psc) {
        psc.setAutoLogin(null);
    }

    @Test
    void acrAndAuthModeReachTheSessionAndTheLoginEventOnFirstAndReturningLogins(RelaisInstance relais, PscSimulator psc)
            throws Exception {
        Admin admin = new Admin(relais);
        // Another test locks Lucas out with wrong passwords; this must be a first PSC login whatever ran before.
        String userId = admin.unlinkedFromPsc(LUCAS.idNatPs());

        psc.setAutoLogin(new AutoLogin(LUCAS.idNatPs(), "eidas1", "CARD"));
        JsonNode first = DuiLogin.payload(DuiLogin.throughPsc(relais).tokens().get("id_token").asText());
        assertThat(first.get("sub").asText()).isEqualTo(userId);
        assertThat(first.path("test_psc_acr").asText()).isEqualTo("eidas1");
        assertThat(first.path("test_psc_auth_mode").asText()).isEqualTo("CARD");
        assertThat(admin.get("realms/relais/users/" + userId + "/federated-identity")).as("linked by the first login").hasSize(1);
        // All of SubjectRefPro's practices are kept for the session, not only the one at the organisation.
        JsonNode practices = Admin.JSON.readTree(first.path("test_psc_practices").asText());
        assertThat(practices).hasSize(1);
        assertThat(practices.get(0).path("profession").asText()).isEqualTo("10");
        assertThat(practices.get(0).path("finess").asText()).isEqualTo(DemoProfessionals.EHPAD_FINESS);
        // Keycloak's LOGIN event of a first broker login comes from a later request that knows nothing of PSC:
        // the first-login event carries the PSC details.
        assertPscEvent(admin, "IDENTITY_PROVIDER_FIRST_LOGIN", userId, "eidas1", "CARD");

        psc.setAutoLogin(new AutoLogin(LUCAS.idNatPs(), "eidas2", "MOBILE"));
        JsonNode returning = DuiLogin.payload(DuiLogin.throughPsc(relais).tokens().get("id_token").asText());
        assertThat(returning.get("sub").asText()).isEqualTo(userId);
        assertThat(returning.path("test_psc_acr").asText()).isEqualTo("eidas2");
        assertThat(returning.path("test_psc_auth_mode").asText()).isEqualTo("MOBILE");
        assertThat(returning.get("amr").toString()).isEqualTo("[\"swk\",\"pin\",\"mfa\"]");
        assertPscEvent(admin, "LOGIN", userId, "eidas2", "MOBILE");
    }

    /** The user's newest event of that type says PSC, the eIDAS level and the authMode. */
    private static void assertPscEvent(Admin admin, String type, String userId, String acr, String authMode) throws Exception {
        List<JsonNode> events = admin.events(type, e -> userId.equals(e.path("userId").asText()));
        assertThat(events).as(type + " events of the user").isNotEmpty();
        JsonNode details = events.get(0).path("details");
        assertThat(details.path("relais_means").asText()).isEqualTo("e-cps-psc");
        assertThat(details.path("identity_provider").asText()).isEqualTo(RelaisInstance.PSC_ALIAS);
        assertThat(details.path("idnat_ps").asText()).isEqualTo(LUCAS.idNatPs());
        assertThat(details.path("psc_acr").asText()).isEqualTo(acr);
        assertThat(details.path("psc_auth_mode").asText()).isEqualTo(authMode);
    }
}
