package fr.relais.it.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import fr.relais.it.RelaisOnPostgresExtension;
import fr.relais.it.RelaisServerExtension;
import fr.relais.runner.RelaisInstance;

/**
 * Two Keycloak nodes on one PostgreSQL database, clustered through Keycloak's default
 * {@code jdbc-ping} stack, as a two-node appliance runs: node A is the PostgreSQL instance of the
 * test run, node B joins it here. Both must report the same Pro Santé Connect state, whichever node
 * probed, through the admin API and the health group, during an outage and after it; an
 * administrator signed in on A is accepted by B.
 */
@ExtendWith(RelaisOnPostgresExtension.class)
class TwoNodesIT {

    private static final String NODE_B = "relais-b";
    private static final String REALM = "continuity-two-nodes-it";

    private static RelaisInstance nodeB;

    @BeforeAll
    static void startSecondNode(RelaisInstance nodeA) {
        Path root = Path.of(System.getProperty("relais.it.root", "target/relais-it")).resolveSibling("relais-it-postgresql-node-b");
        RelaisServerExtension.deleteRecursively(root);
        long started = System.nanoTime();
        nodeB = RelaisInstance.joinCluster(nodeA, root, new RelaisInstance.Ports(RelaisServerExtension.freePort(),
                RelaisServerExtension.freePort()), NODE_B, RelaisServerExtension.freePort());
        System.out.printf("[continuity] second node ready after %d ms%n", Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    @AfterAll
    static void stopSecondNode() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void theNodesFormOneClusterAndShareSessions(RelaisInstance nodeA) throws Exception {
        // Infinispan's view, as node B logged it once node A's transport answered through the database.
        Waiting.until(Duration.ofSeconds(60), () -> Files.readString(nodeB.log()),
                log -> log.lines().anyMatch(l -> l.contains("ISPN000094") && l.contains("(2)")
                        && l.contains(RelaisOnPostgresExtension.NODE_NAME) && l.contains(NODE_B)),
                "a two-node cluster view in node B's log");

        // A session opened on A (the administrator's token grant) is valid on B.
        AdminClient onA = AdminClient.master(nodeA);
        AdminClient onB = onA.on(nodeB);
        assertThat(onB.get("master").status()).isEqualTo(200);
        assertThat(AdminClient.anonymous(nodeB).get("master").status()).isEqualTo(401);
    }

    @Test
    void bothNodesSeeTheSameOutageAndTheSameRecovery(RelaisInstance nodeA) throws Exception {
        AdminClient onA = AdminClient.master(nodeA);
        AdminClient onB = AdminClient.master(nodeB);
        try (FakePsc psc = new FakePsc()) {
            // Created through A, probed by whichever node's round comes first.
            assertThat(onA.post("", TestRealms.withPscProvider(REALM, psc)).status()).isEqualTo(201);
            Set<String> ours = Set.of(psc.discoveryUrl(), psc.jwksUrl());
            for (AdminClient node : new AdminClient[] {onA, onB}) {
                Waiting.until(Duration.ofSeconds(60), () -> PscUpstream.of(node),
                        s -> "UP".equals(s.get("state").asText()) && PscUpstream.okTargets(s).containsAll(ours), "PSC up with our addresses");
            }
            // The baseline realm's PSC (the simulator) stays up: losing ours is then a partial outage.
            boolean onlyOurs = PscUpstream.targets(PscUpstream.of(onA)).equals(ours);
            String outageState = onlyOurs ? "DOWN" : "DEGRADED";

            psc.refuse();
            Duration seenByA = Waiting.until(Duration.ofSeconds(30), () -> PscUpstream.of(onA),
                    s -> outageState.equals(s.get("state").asText()), "PSC " + outageState + " on node A");
            Duration seenByB = Waiting.until(Duration.ofSeconds(30), () -> PscUpstream.of(onB),
                    s -> outageState.equals(s.get("state").asText()), "PSC " + outageState + " on node B");
            System.out.printf("[continuity] PSC refused -> %s seen on node A after %d ms, on node B %d ms later%n",
                    outageState, seenByA.toMillis(), seenByB.toMillis());
            assertThat(PscUpstream.latestTransition(onB)).isEqualTo(PscUpstream.latestTransition(onA));
            assertThat(PscUpstream.latestTransition(onA).get("to").asText()).isEqualTo(outageState);
            assertThat(upstreamsGroup(nodeA)).isEqualTo(outageState);
            assertThat(upstreamsGroup(nodeB)).isEqualTo(outageState);

            psc.start();
            Duration upOnA = Waiting.until(Duration.ofSeconds(30), () -> PscUpstream.of(onA), s -> "UP".equals(s.get("state").asText()),
                    "PSC up again on node A");
            Duration upOnB = Waiting.until(Duration.ofSeconds(30), () -> PscUpstream.of(onB), s -> "UP".equals(s.get("state").asText()),
                    "PSC up again on node B");
            System.out.printf("[continuity] PSC back -> UP seen on node A after %d ms, on node B %d ms later%n",
                    upOnA.toMillis(), upOnB.toMillis());
            assertThat(PscUpstream.latestTransition(onB)).isEqualTo(PscUpstream.latestTransition(onA));
            assertThat(PscUpstream.latestTransition(onA).get("to").asText()).isEqualTo("UP");
            assertThat(upstreamsGroup(nodeA)).isEqualTo("UP");
            assertThat(upstreamsGroup(nodeB)).isEqualTo("UP");
        } finally {
            onA.delete(REALM);
        }
    }

    /** The PSC state in the node's own {@code relais-upstreams} health group. */
    private static String upstreamsGroup(RelaisInstance node) throws Exception {
        HttpResponse<String> response = AdminClient.client(node).send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + node.managementPort() + "/health/group/relais-upstreams")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = AdminClient.JSON.readTree(response.body());
        return body.get("checks").get(0).get("data").get("PRO_SANTE_CONNECT").asText();
    }
}
