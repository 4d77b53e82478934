package fr.relais.it.psc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
import fr.relais.pscsim.Exercice;
import fr.relais.pscsim.Professional;
import fr.relais.pscsim.PscSimulator;
import fr.relais.runner.DemoExtraction;
import fr.relais.runner.RelaisInstance;

/**
 * First PSC login of a professional who has no account: the link step's policy decides between a refusal
 * and an account opened from the RPPS directory (imported here from a two-line extraction), and there is
 * never more than one account per idNat_PS.
 */
@ExtendWith(RelaisServerExtension.class)
class PscUnknownProfessionalIT {

    private static final String FLOW = "realms/relais/authentication/flows/relais%20psc%20first%20login/executions";
    private static final String POLICY = "relais.psc.unknownProfessional";
    private static final String STORAGE_TYPE = "org.keycloak.storage.UserStorageProvider";

    /** In the directory: gets an account under the just-in-time policy. */
    private static final Professional ODILE = professional("810100000017", "Odile", "VERNIER");
    /** In the directory too, but signs in only under the refuse policy. */
    private static final Professional MARC = professional("810100000025", "Marc", "DELORME");
    /** Known to PSC only. */
    private static final Professional NESTOR = professional("899700999972", "Nestor", "ABSENT");

    private static String componentId;
    private static boolean componentCreated;
    private static JsonNode componentBefore;

    @BeforeAll
    static void directoryWithTwoProfessionals(RelaisInstance relais, PscSimulator psc) throws Exception {
        Admin admin = new Admin(relais);
        // The realm's RPPS component, added for this test unless the realm already has one.
        JsonNode existing = rppsComponent(admin);
        if (existing == null) {
            ObjectNode component = Admin.JSON.createObjectNode()
                    .put("name", "Annuaire RPPS (test PSC)")
                    .put("providerId", "relais-rpps")
                    .put("providerType", STORAGE_TYPE)
                    .put("parentId", admin.get("realms/relais").get("id").asText());
            component.putObject("config").putArray("visitingProfessionals").add("true");
            admin.post("realms/relais/components", component);
            existing = rppsComponent(admin);
            componentCreated = true;
        } else {
            componentBefore = existing.deepCopy();
            ObjectNode changed = existing.deepCopy();
            ((ObjectNode) changed.get("config")).putArray("visitingProfessionals").add("true");
            admin.put("realms/relais/components/" + existing.get("id").asText(), changed);
        }
        componentId = existing.get("id").asText();

        // The runner drops the demo extraction at first start; imported after this test's, it would replace it.
        Instant demoDeadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!demoImported(admin)) {
            assertThat(Instant.now()).as("import of the demo extraction dropped at first start").isBefore(demoDeadline);
            Thread.sleep(500);
        }
        String extraction = String.join("\r\n", DemoExtraction.HEADER, line(ODILE), line(MARC)) + "\r\n";
        HttpResponse<String> upload = admin.postFile(
                "realms/relais/relais-rpps/imports/upload?force=true&filename=PS_LibreAcces_Personne_activite_202611290000.txt",
                "text/plain", extraction.getBytes(StandardCharsets.UTF_8));
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
        // The import runs in the background.
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (admin.status("realms/relais/relais-rpps/professionals/" + MARC.idNat()) != 200) {
            assertThat(Instant.now()).as("RPPS import of the test extraction").isBefore(deadline);
            Thread.sleep(500);
        }
        List.of(ODILE, MARC, NESTOR).forEach(psc::addProfessional);
    }

    private static boolean demoImported(Admin admin) throws Exception {
        for (JsonNode run : admin.get("realms/relais/relais-rpps/imports?max=50")) {
            if (DemoExtraction.FILE_NAME.equals(run.path("fileName").asText()) && !"RUNNING".equals(run.path("status").asText())) {
                return true;
            }
        }
        return false;
    }

    @AfterAll
    static void restoreRealm(RelaisInstance relais) throws Exception {
        Admin admin = new Admin(relais);
        setPolicy(admin, "refuse");
        // Deleting the component deletes the accounts linked to it, Odile's among them.
        if (componentCreated) {
            admin.delete("realms/relais/components/" + componentId);
        } else if (componentBefore != null) {
            admin.put("realms/relais/components/" + componentId, componentBefore);
        }
    }

    @AfterEach
    void reset(RelaisInstance relais, PscSimulator psc) throws Exception {
        psc.setAutoLogin(null);
        setPolicy(new Admin(relais), "refuse");
    }

    @Test
    void justInTimeOpensOneAccountForAProfessionalOfTheDirectory(RelaisInstance relais, PscSimulator psc) throws Exception {
        Admin admin = new Admin(relais);
        setPolicy(admin, "just-in-time");
        psc.setAutoLogin(AutoLogin.of(ODILE.idNat()));

        JsonNode first = DuiLogin.payload(DuiLogin.throughPsc(relais).tokens().get("id_token").asText());
        assertThat(first.get("idnat_ps").asText()).isEqualTo(ODILE.idNat());
        JsonNode account = admin.get("realms/relais/users/" + first.get("sub").asText());
        assertThat(account.get("username").asText()).isEqualTo(ODILE.idNat());
        assertThat(account.get("federationLink").asText()).as("linked to the RPPS directory").isEqualTo(componentId);
        assertThat(account.get("lastName").asText()).isEqualTo("VERNIER");
        assertThat(admin.events(null, e -> ODILE.idNat().equals(e.path("details").path("idnat_ps").asText())
                && "true".equals(e.path("details").path("account_created").asText()))).as("audited").isNotEmpty();

        JsonNode second = DuiLogin.payload(DuiLogin.throughPsc(relais).tokens().get("id_token").asText());
        assertThat(second.get("sub").asText()).as("the same account next time").isEqualTo(first.get("sub").asText());
        assertThat(admin.get("realms/relais/users?q=idnat_ps:" + ODILE.idNat())).as("never a duplicate").hasSize(1);
        JsonNode links = admin.get("realms/relais/users/" + first.get("sub").asText() + "/federated-identity");
        assertThat(links).hasSize(1);
        assertThat(links.get(0).get("userId").asText()).isEqualTo(ODILE.idNat());
    }

    @Test
    void underJustInTimeAProfessionalAbsentFromTheDirectoryIsRefused(RelaisInstance relais, PscSimulator psc) throws Exception {
        Admin admin = new Admin(relais);
        setPolicy(admin, "just-in-time");
        psc.setAutoLogin(AutoLogin.of(NESTOR.idNat()));

        DuiLogin login = DuiLogin.throughPsc(relais);
        assertThat(login.page().statusCode()).isEqualTo(401);
        assertThat(login.page().body()).contains("ne figure pas dans l&#39;annuaire RPPS").doesNotContain("Exception");
        assertThat(admin.events(null, e -> "user_not_found".equals(e.path("error").asText())
                && NESTOR.idNat().equals(e.path("details").path("idnat_ps").asText())
                && e.path("details").path("reason").asText().contains("RPPS directory"))).isNotEmpty();
        assertThat(accounts(admin, NESTOR)).isEmpty();
    }

    @Test
    void refusePolicyOpensNoAccountEvenForAProfessionalOfTheDirectory(RelaisInstance relais, PscSimulator psc) throws Exception {
        Admin admin = new Admin(relais);
        setPolicy(admin, "refuse");
        psc.setAutoLogin(AutoLogin.of(MARC.idNat()));

        DuiLogin login = DuiLogin.throughPsc(relais);
        assertThat(login.page().statusCode()).isEqualTo(401);
        assertThat(login.page().body()).contains("aucun compte de l&#39;établissement ne correspond")
                .doesNotContain("Exception");
        assertThat(accounts(admin, MARC)).as("no account opened").isEmpty();
        assertThat(admin.events(null, e -> "user_not_found".equals(e.path("error").asText())
                && MARC.idNat().equals(e.path("details").path("idnat_ps").asText()))).isNotEmpty();
    }

    private static void setPolicy(Admin admin, String policy) throws Exception {
        JsonNode execution = null;
        for (JsonNode e : admin.get(FLOW)) {
            if ("relais-psc-link-professional".equals(e.path("providerId").asText())) {
                execution = e;
            }
        }
        assertThat(execution).as("the link step of the realm's first-login flow").isNotNull();
        String configId = execution.path("authenticationConfig").asText();
        assertThat(configId).as("the shipped realm configures the link step").isNotEmpty();
        ObjectNode config = (ObjectNode) admin.get("realms/relais/authentication/config/" + configId);
        ((ObjectNode) config.get("config")).put(POLICY, policy);
        admin.put("realms/relais/authentication/config/" + configId, config);
    }

    /** Accounts only: the admin search also lists directory professionals without one (ids "f:…"). */
    private static List<JsonNode> accounts(Admin admin, Professional p) throws Exception {
        List<JsonNode> accounts = new java.util.ArrayList<>();
        admin.get("realms/relais/users?exact=true&username=" + p.idNat()).forEach(u -> {
            if (!u.get("id").asText().startsWith("f:")) {
                accounts.add(u);
            }
        });
        return accounts;
    }

    private static JsonNode rppsComponent(Admin admin) throws Exception {
        for (JsonNode c : admin.get("realms/relais/components?type=" + STORAGE_TYPE)) {
            if ("relais-rpps".equals(c.path("providerId").asText())) {
                return c;
            }
        }
        return null;
    }

    private static Professional professional(String idNat, String givenName, String familyName) {
        return new Professional(idNat, "M", givenName, familyName, "RPPS",
                List.of(Exercice.of(List.of(), "codeProfession", "10")));
    }

    /** One Personne_activite line: a physician in private practice. */
    private static String line(Professional p) {
        return DemoExtraction.privatePracticeLine(new DemoExtraction.Visitor(p.idNat(), p.givenName(), p.familyName(), 10,
                "Médecin"));
    }
}
