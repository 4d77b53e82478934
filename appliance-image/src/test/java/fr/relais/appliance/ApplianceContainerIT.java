package fr.relais.appliance;

import static fr.relais.appliance.ApplianceFixtures.ID_NAT_PS;
import static fr.relais.appliance.RelaisEndpoint.claims;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import fr.relais.testpki.IssuedCertificate;
import fr.relais.testpki.TestPki;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The container image built by this module, run under podman (host network, private storage) against a
 * real PostgreSQL 15 started here, as one operator's story:
 * <ol>
 * <li>node A's first boot: secrets generated (owner-only), baseline realm imported, a TEST card signs in
 * over mutual TLS through a pass-through load balancer;</li>
 * <li>node A restarts: the browser's SSO session and the DUI's refresh token survive;</li>
 * <li>node B joins A's cluster (same database, JGroups discovery through it); A stops, the balancer
 * sends the same browser to B, which continues the session without a new login;</li>
 * <li>{@code relais-backup} on B, {@code relais-restore} onto a fresh instance (empty database, no
 * certificate: one is generated), where the card signs in again;</li>
 * <li>an upgrade: this image started on a database that an earlier Keycloak release created and filled,
 * where everything made before the upgrade is still there and usable.</li>
 * </ol>
 * Skipped when the image was not built (no root / Debian tools), failed instead when
 * RELAIS_REQUIRE_APPLIANCE=1 (CI).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApplianceContainerIT {

    private static final String PREFIX = "relais-it-" + Long.toString(System.nanoTime() % 1_000_000, 36);
    private static final String DB_PASSWORD = "relais-db-pw";

    private static Podman podman;
    private static String image;
    private static Path work;
    private static EmbeddedPostgres postgres;
    private static TestPki pki;
    private static IssuedCertificate card;
    private static final Map<String, String> FIGURES = new LinkedHashMap<>();
    private static final List<ContainerNode> CONTAINERS = new ArrayList<>();

    /** State kept from one step to the next (the steps are one scenario). */
    private static TcpSwitch balancer;
    private static IssuedCertificate serverCertificate;
    private static ContainerNode nodeA;
    private static ContainerNode nodeB;
    private static CookieManager browser;
    private static String refreshToken;

    @BeforeAll
    static void requireImage() throws Exception {
        Path archive = ApplianceFixtures.target().resolve("relais-appliance-" + ApplianceFixtures.version() + ".oci.tar");
        ApplianceFixtures.requireOrSkip("Container smoke test",
                !Files.isRegularFile(archive) ? archive + " was not built (see the build-image output above)"
                        : !Podman.installed() ? "podman is not installed" : null);
        podman = new Podman(ApplianceFixtures.shDir(), ApplianceFixtures.target());
        image = "localhost/relais/appliance:" + ApplianceFixtures.version();
        podman.run("image", "exists", image);
        work = ApplianceFixtures.target().resolve("appliance-it");
        ApplianceFixtures.deleteRecursively(work);
        Files.createDirectories(work);

        postgres = EmbeddedPostgres.builder().setPort(ApplianceFixtures.freePort()).start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create role relais login password '" + DB_PASSWORD + "'");
            statement.execute("create database relais owner relais");
            statement.execute("create database relais_restored owner relais");
            statement.execute("create database relais_upgraded owner relais");
        }
        pki = TestPki.generate();
        card = pki.card(ID_NAT_PS).givenName("Claire").surname("MARTIN").title("Infirmier").professionCode(60)
                .testCard(true).issue();
        // The cluster nodes present the same certificate, for the name users type (the balancer's).
        serverCertificate = pki.serverCertificate("localhost", "127.0.0.1");
        balancer = new TcpSwitch(0);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (podman != null) {
            for (ContainerNode node : CONTAINERS) {
                node.remove(work);
            }
        }
        if (balancer != null) {
            balancer.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        ApplianceFixtures.recordFigures(FIGURES);
    }

    @Test
    @Order(1)
    void firstBootImportsTheRealmAndACardSignsIn() throws Exception {
        nodeA = node("a", "relais", serverCertificate, balancer.port());
        balancer.switchTo(nodeA.httpsPort);
        Instant started = Instant.now();
        nodeA.run();
        FIGURES.put("container_first_boot_ready_seconds", ApplianceFixtures.seconds(started));

        assertThat(nodeA.endpoint.discovery().get("issuer").asText()).isEqualTo(nodeA.endpoint.realmUrl());
        assertThat(nodeA.endpoint.secrets()).containsKeys("RELAIS_ADMIN_PASSWORD", "RELAIS_DUI_CLIENT_SECRET");
        assertThat(podman.run("exec", nodeA.name, "stat", "-c", "%a %U", "/var/lib/relais/secrets.env"))
                .isEqualTo("600 keycloak");
        // Operators watch health and metrics on the management port; users' port does not serve them.
        assertThat(nodeA.endpoint.get(nodeA.managementPort, "/metrics").body()).contains("jvm_memory_used_bytes");
        assertThat(nodeA.endpoint.get(nodeA.managementPort, "/health/live").statusCode()).isEqualTo(200);
        assertThat(nodeA.endpoint.get(nodeA.httpsPort, "/metrics").statusCode()).isEqualTo(404);
        assertThat(nodeA.endpoint.get(nodeA.httpsPort, "/health/ready").statusCode()).isEqualTo(404);

        // relais.conf has no Pro Santé Connect client ID yet: the realm is imported all the same, with
        // PSC off until the operator configures it.
        JsonNode psc = nodeA.endpoint.admin("/admin/realms/relais/identity-provider/instances/psc");
        assertThat(psc.get("enabled").asBoolean()).isFalse();
        assertThat(psc.get("config").get("clientId").asText()).isEqualTo("relais-psc-non-configure");

        nodeA.endpoint.createProfessional(ID_NAT_PS);
        browser = new CookieManager();
        JsonNode tokens = nodeA.endpoint.cardLogin(browser);
        // The login needed the CRLs of the drop folder, stored in PostgreSQL.
        assertThat(ApplianceFixtures.storedCrls(jdbcUrl("relais"), "relais", DB_PASSWORD)).isEqualTo("bytea, 4");
        JsonNode idToken = claims(tokens.get("id_token").asText());
        assertThat(idToken.get("idnat_ps").asText()).isEqualTo(ID_NAT_PS);
        assertThat(idToken.get("acr").asText()).isEqualTo("mie-2fa");
        refreshToken = tokens.get("refresh_token").asText();

        Thread.sleep(5_000);
        FIGURES.put("container_java_rss_at_rest_mib", Long.toString(nodeA.javaRssKib() / 1024));
    }

    @Test
    @Order(2)
    void aRestartKeepsTheSession() throws Exception {
        Assumptions.assumeTrue(refreshToken != null, "needs the first login");
        Instant started = Instant.now();
        podman.run("restart", "--time", "30", nodeA.name);
        nodeA.awaitReady();
        FIGURES.put("container_restart_ready_seconds", ApplianceFixtures.seconds(started));

        // Same browser, no card this time: the SSO cookie alone gets a new code.
        assertThat(nodeA.endpoint.authorize(nodeA.endpoint.http(false, browser))).isNotBlank();
        var refreshed = nodeA.endpoint.tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void aSecondNodeJoinsTheClusterAndContinuesTheSessionWhenTheFirstStops() throws Exception {
        Assumptions.assumeTrue(refreshToken != null, "needs the first login");
        nodeB = node("b", "relais", serverCertificate, balancer.port());
        // Documented procedure: every node of a cluster gets the first node's secrets.env.
        Files.copy(nodeA.state.resolve("secrets.env"), nodeB.state.resolve("secrets.env"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ApplianceFixtures.chownToService(nodeB.state);
        Instant started = Instant.now();
        nodeB.run();
        FIGURES.put("container_second_node_ready_seconds", ApplianceFixtures.seconds(started));
        assertThat(nodeB.fullLog()).as("node B joined node A's cluster")
                .containsPattern("Starting rebalance with members \\[[^,\\]]+, [^,\\]]+\\]");

        podman.run("stop", "--time", "30", nodeA.name);
        balancer.switchTo(nodeB.httpsPort);

        // Same browser, no card: node B continues the session that node A started.
        assertThat(nodeB.endpoint.authorize(nodeB.endpoint.http(false, browser))).isNotBlank();
        var refreshed = nodeB.endpoint.tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void aBackupRestoredOntoAFreshInstanceSignsTheCardIn() throws Exception {
        Assumptions.assumeTrue(nodeB != null, "needs a running node");
        podman.run("exec", nodeB.name, "relais-backup", "/backup/relais-backup.tar.gz");
        Path backup = nodeB.backupDir.resolve("relais-backup.tar.gz");
        assertThat(backup).isNotEmptyFile();
        FIGURES.put("backup_bytes", Long.toString(Files.size(backup)));
        podman.run("stop", "--time", "30", nodeB.name);

        // A fresh machine: empty database, no certificate configured (generated at its first start).
        ContainerNode restored = node("restored", "relais_restored", null, 0);
        Files.copy(backup, restored.backupDir.resolve("relais-backup.tar.gz"));
        ApplianceFixtures.chownToService(restored.backupDir);
        String restore = podman.run("run", "--rm", "--network", "host", "--entrypoint", "relais-restore",
                "-v", restored.conf + ":/etc/relais:ro", "-v", restored.state + ":/var/lib/relais",
                "-v", restored.backupDir + ":/backup", image, "/backup/relais-backup.tar.gz");
        assertThat(restore).contains("restored");

        Instant started = Instant.now();
        restored.run();
        FIGURES.put("container_restored_ready_seconds", ApplianceFixtures.seconds(started));
        assertThat(restored.endpoint.secrets().get("RELAIS_DUI_CLIENT_SECRET"))
                .isEqualTo(nodeA.endpoint.secrets().get("RELAIS_DUI_CLIENT_SECRET"));
        JsonNode tokens = restored.endpoint.cardLogin(new CookieManager());
        assertThat(claims(tokens.get("id_token").asText()).get("idnat_ps").asText()).isEqualTo(ID_NAT_PS);
    }

    /**
     * The documented upgrade (same state folder, same database, the new image) from a database that
     * an earlier Keycloak release created and filled (see {@link PreviousKeycloak}): Keycloak migrates
     * the schema and the model, the Relais tables are created, and the card of a professional created
     * before the upgrade signs into the same account; her attributes, her password, a client with its
     * secret and a session (its refresh token) made before the upgrade are all still there and usable.
     */
    @Test
    @Order(5)
    void anUpgradeFromAnEarlierKeycloakKeepsTheData() throws Exception {
        String earlierVersion = System.getProperty("appliance.upgrade-from.keycloak");
        Path earlierZip = Path.of(System.getProperty("appliance.upgrade-from.zip", "missing"));
        assertThat(earlierZip).as("the earlier Keycloak, copied by the build").isRegularFile();
        Path imageContext = ApplianceFixtures.target().resolve("image-context");
        ContainerNode upgraded = node("upgraded", "relais_upgraded", null, 0);
        String schemaVersion = "select version from migration_model order by update_time desc, version desc limit 1";
        String archivesSecret = "archives-" + PREFIX;
        String password = "Mot-de-passe-" + PREFIX;
        String userId;
        String passwordId;
        String refreshTokenBefore;

        try (PreviousKeycloak earlier = PreviousKeycloak.install(earlierZip, imageContext, work.resolve("earlier-keycloak"))) {
            Instant started = Instant.now();
            RelaisEndpoint before = earlier.start(upgraded, imageContext);
            FIGURES.put("upgrade_earlier_keycloak_ready_seconds", ApplianceFixtures.seconds(started));
            before.createProfessional(ID_NAT_PS);
            userId = before.admin("/admin/realms/relais/users?exact=true&username=claire.martin").get(0).get("id").asText();
            var reset = before.adminWrite("PUT", "/admin/realms/relais/users/" + userId + "/reset-password",
                    "{\"type\": \"password\", \"value\": \"" + password + "\", \"temporary\": false}");
            assertThat(reset.statusCode()).as(reset.body()).isEqualTo(204);
            passwordId = before.admin("/admin/realms/relais/users/" + userId + "/credentials").get(0).get("id").asText();
            var client = before.adminWrite("POST", "/admin/realms/relais/clients", """
                    {"clientId": "archives", "secret": "%s", "publicClient": false, "standardFlowEnabled": false,
                     "directAccessGrantsEnabled": true}""".formatted(archivesSecret));
            assertThat(client.statusCode()).as(client.body()).isEqualTo(201);
            var tokens = before.tokenRequest("archives", archivesSecret, Map.of("grant_type", "password",
                    "username", "claire.martin", "password", password, "scope", "openid"));
            assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
            refreshTokenBefore = RelaisEndpoint.JSON.readTree(tokens.body()).get("refresh_token").asText();
        }
        // The test is only worth something if the database really is the earlier release's.
        assertThat(ApplianceFixtures.query(jdbcUrl("relais_upgraded"), "relais", DB_PASSWORD, schemaVersion))
                .isEqualTo(earlierVersion);
        ApplianceFixtures.chownToService(upgraded.state);

        Instant started = Instant.now();
        upgraded.run();
        FIGURES.put("container_upgrade_ready_seconds", ApplianceFixtures.seconds(started));
        assertThat(ApplianceFixtures.query(jdbcUrl("relais_upgraded"), "relais", DB_PASSWORD, schemaVersion))
                .isEqualTo(System.getProperty("appliance.keycloak"));

        JsonNode idToken = claims(upgraded.endpoint.cardLogin(new CookieManager()).get("id_token").asText());
        assertThat(idToken.get("sub").asText()).as("the card signs into the account made before the upgrade").isEqualTo(userId);
        assertThat(idToken.get("idnat_ps").asText()).isEqualTo(ID_NAT_PS);
        // The Relais tables were created on the migrated database: the card login stored the drop folder's CRLs.
        assertThat(ApplianceFixtures.storedCrls(jdbcUrl("relais_upgraded"), "relais", DB_PASSWORD)).isEqualTo("bytea, 4");
        JsonNode user = upgraded.endpoint.admin("/admin/realms/relais/users/" + userId);
        assertThat(user.get("email").asText()).isEqualTo("claire.martin@relais.test");
        assertThat(user.get("attributes").get("profession").get(0).asText()).isEqualTo("60");
        assertThat(upgraded.endpoint.admin("/admin/realms/relais/users/" + userId + "/credentials").findValuesAsText("id"))
                .contains(passwordId);
        var passwordLogin = upgraded.endpoint.tokenRequest("archives", archivesSecret, Map.of("grant_type", "password",
                "username", "claire.martin", "password", password, "scope", "openid"));
        assertThat(passwordLogin.statusCode()).as("password and client secret kept: " + passwordLogin.body()).isEqualTo(200);
        var refreshed = upgraded.endpoint.tokenRequest("archives", archivesSecret,
                Map.of("grant_type", "refresh_token", "refresh_token", refreshTokenBefore));
        assertThat(refreshed.statusCode()).as("session made before the upgrade: " + refreshed.body()).isEqualTo(200);
    }

    private static String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    private static ContainerNode node(String name, String database, IssuedCertificate operatorCertificate, int publicPort)
            throws IOException {
        ContainerNode node = new ContainerNode(podman, image, work.resolve(name), PREFIX + "-" + name,
                jdbcUrl(database), DB_PASSWORD, pki, card, operatorCertificate, publicPort);
        CONTAINERS.add(node);
        return node;
    }
}
