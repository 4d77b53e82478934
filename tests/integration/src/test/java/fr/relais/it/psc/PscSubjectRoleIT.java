package fr.relais.it.psc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.relais.it.RelaisServerExtension;
import fr.relais.pscsim.AutoLogin;
import fr.relais.pscsim.PscSimulator;
import fr.relais.runner.DemoProfessional;
import fr.relais.runner.RelaisInstance;

/** PSC's SubjectRole codes become the organisation's roles, in the tokens the DUI receives. */
@ExtendWith(RelaisServerExtension.class)
class PscSubjectRoleIT {

    /** Masseur-kinésithérapeute: SubjectRole 70^1.2.250.1.213.1.1.5.5. */
    private static final DemoProfessional INES = DemoProfessional.ALL.get(2);
    private static final String MAPPERS = "realms/relais/identity-provider/instances/" + RelaisInstance.PSC_ALIAS + "/mappers";
    private static final String MAPPER_NAME = "rôles SubjectRole (test)";

    private static String duiId;

    @BeforeAll
    static void rolesAndMapper(RelaisInstance relais) throws Exception {
        Admin admin = new Admin(relais);
        duiId = admin.get("realms/relais/clients?clientId=" + RelaisInstance.DUI_CLIENT_ID).get(0).get("id").asText();
        ArrayNode scope = Admin.JSON.createArrayNode();
        for (String name : List.of("psc-kine", "psc-autre")) {
            admin.post("realms/relais/roles", Admin.JSON.createObjectNode().put("name", name));
            scope.add(admin.get("realms/relais/roles/" + name));
        }
        // The DUI only sees the realm roles in its scope.
        admin.post("realms/relais/clients/" + duiId + "/scope-mappings/realm", scope);
        admin.post("realms/relais/clients/" + duiId + "/roles", Admin.JSON.createObjectNode().put("name", "psc-reeducation"));

        ObjectNode mapper = Admin.JSON.createObjectNode()
                .put("name", MAPPER_NAME)
                .put("identityProviderAlias", RelaisInstance.PSC_ALIAS)
                .put("identityProviderMapper", "relais-psc-subject-role");
        mapper.putObject("config").put("syncMode", "FORCE")
                .put("relais.psc.roles", table("70^1.2.250.1.213.1.1.5.5", "psc-kine", "70", "dui.psc-reeducation",
                        "10", "psc-autre"));
        admin.post(MAPPERS, mapper);
    }

    @AfterAll
    static void removeRolesAndMapper(RelaisInstance relais) throws Exception {
        Admin admin = new Admin(relais);
        admin.delete(MAPPERS + "/" + mapper(admin).get("id").asText());
        admin.delete("realms/relais/clients/" + duiId + "/roles/psc-reeducation");
        admin.delete("realms/relais/roles/psc-kine");
        admin.delete("realms/relais/roles/psc-autre");
    }

    @AfterEach
    void reset(PscSimulator psc) {
        psc.setAutoLogin(null);
    }

    @Test
    void subjectRoleGivesTheMappedRolesAndForceSyncTakesBackTheOthers(RelaisInstance relais, PscSimulator psc) throws Exception {
        psc.setAutoLogin(AutoLogin.of(INES.idNatPs()));
        JsonNode access = DuiLogin.payload(DuiLogin.throughPsc(relais).tokens().get("access_token").asText());
        assertThat(roles(access.path("realm_access"))).contains("psc-kine").doesNotContain("psc-autre");
        assertThat(roles(access.path("resource_access").path(RelaisInstance.DUI_CLIENT_ID))).contains("psc-reeducation");

        // The organisation changes its table: at the next login the role code 70 no longer gives is taken back.
        Admin admin = new Admin(relais);
        ObjectNode mapper = (ObjectNode) mapper(admin);
        ((ObjectNode) mapper.get("config")).put("relais.psc.roles", table("10", "psc-kine", "70", "psc-autre"));
        admin.put(MAPPERS + "/" + mapper.get("id").asText(), mapper);

        access = DuiLogin.payload(DuiLogin.throughPsc(relais).tokens().get("access_token").asText());
        assertThat(roles(access.path("realm_access"))).contains("psc-autre").doesNotContain("psc-kine");
        String userId = access.get("sub").asText();
        List<String> granted = new ArrayList<>();
        admin.get("realms/relais/users/" + userId + "/role-mappings/realm").forEach(r -> granted.add(r.get("name").asText()));
        assertThat(granted).contains("psc-autre").doesNotContain("psc-kine");
    }

    private static JsonNode mapper(Admin admin) throws Exception {
        for (JsonNode m : admin.get(MAPPERS)) {
            if (MAPPER_NAME.equals(m.path("name").asText())) {
                return m;
            }
        }
        throw new AssertionError("mapper " + MAPPER_NAME + " not found");
    }

    /** The admin console's key/value table, as Keycloak stores it. */
    private static String table(String... keysAndValues) {
        ArrayNode table = Admin.JSON.createArrayNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            table.addObject().put("key", keysAndValues[i]).put("value", keysAndValues[i + 1]);
        }
        return table.toString();
    }

    private static List<String> roles(JsonNode access) {
        List<String> roles = new ArrayList<>();
        access.path("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }
}
