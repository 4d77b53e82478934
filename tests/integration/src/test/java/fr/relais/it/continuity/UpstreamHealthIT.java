package fr.relais.it.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import fr.relais.it.RelaisServerExtension;
import fr.relais.runner.RelaisInstance;

/**
 * Upstream health against the real server: the background probes, the hysteresis, the shared state
 * and where operators see it (admin API, admin events, /metrics, a health group). Pro Santé Connect
 * is a {@link FakePsc} that a realm of this test declares as its PSC identity provider: with
 * {@code psc-urls=auto} (the default) Relais probes what the identity providers point at.
 */
@ExtendWith(RelaisServerExtension.class)
class UpstreamHealthIT {

    private static final String REALM = "continuity-upstreams-it";
    private static final String API = PscUpstream.API;
    /** Issue 7: the login page reflects an outage within 5 s; the probes must be at least that fast. */

    @Test
    void onlyAdministratorsSeeTheUpstreams(RelaisInstance relais) throws Exception {
        assertThat(AdminClient.anonymous(relais).get(API).status()).isEqualTo(401);
    }

    @Test
    void everyUpstreamIsListedWithTheSettingsInForce(RelaisInstance relais) throws Exception {
        JsonNode answer = AdminClient.master(relais).json(API);
        List<String> names = new ArrayList<>();
        answer.get("upstreams").forEach(u -> names.add(u.get("upstream").asText()));
        assertThat(names).containsExactly("PRO_SANTE_CONNECT", "CRL_SOURCES", "RPPS_SOURCE");
        JsonNode crl = answer.get("upstreams").get(1);
        assertThat(crl.get("monitored").asBoolean()).as("crl-urls=auto follows the card login's CRL URLs").isTrue();
        List<String> crlTargets = new ArrayList<>();
        crl.get("targets").forEach(t -> crlTargets.add(t.get("url").asText()));
        assertThat(crlTargets).isNotEmpty().allMatch(url -> url.startsWith("http://localhost:") && url.endsWith(".crl"));
        JsonNode rpps = answer.get("upstreams").get(2);
        assertThat(rpps.get("state").asText()).as("rpps-urls defaults to none").isEqualTo("UNKNOWN");
        assertThat(rpps.get("stateLabel").asText()).isEqualTo("inconnu");
        JsonNode settings = answer.get("settings");
        assertThat(settings.get("downAfter").asInt()).isEqualTo(2);
        assertThat(settings.get("probeIntervalSeconds").asInt()).isEqualTo(2);
        assertThat(settings.get("node").asText()).isNotBlank();
    }

    @Test
    void aPscOutageIsSeenWithinSecondsAndTheRecoveryToo(RelaisInstance relais) throws Exception {
        AdminClient admin = AdminClient.master(relais);
        try (FakePsc psc = new FakePsc()) {
            assertThat(admin.post("", TestRealms.withPscProvider(REALM, psc)).status()).isEqualTo(201);
            Set<String> ours = Set.of(psc.discoveryUrl(), psc.jwksUrl());

            // Healthy: both addresses probed, answering.
            Waiting.until(Duration.ofSeconds(30), () -> PscUpstream.of(admin),
                    s -> "UP".equals(s.get("state").asText()) && PscUpstream.okTargets(s).containsAll(ours), "PSC up with our addresses");
            // With other PSC providers configured (the baseline realm's), losing ours is a partial outage.
            boolean onlyOurs = PscUpstream.targets(PscUpstream.of(admin)).equals(ours);
            String outageState = onlyOurs ? "DOWN" : "DEGRADED";

            psc.mode(FakePsc.Mode.BLACKHOLE);
            Duration detection = Waiting.until(Duration.ofSeconds(30), () -> PscUpstream.of(admin),
                    s -> outageState.equals(s.get("state").asText()), "PSC " + outageState);
            System.out.printf("[continuity] PSC blackholed -> %s seen by the admin API after %d ms%n", outageState, detection.toMillis());
            JsonNode down = PscUpstream.of(admin);
            for (JsonNode target : down.get("targets")) {
                if (ours.contains(target.get("url").asText())) {
                    assertThat(target.get("ok").asBoolean()).isFalse();
                    assertThat(target.get("error").asText()).containsIgnoringCase("timeout");
                }
            }

            // No login waits on the outage: the login page of the baseline realm comes at once.
            long started = System.nanoTime();
            HttpResponse<String> page = new LoginClient(relais).get(relais.realmUrl() + "/protocol/openid-connect/auth?"
                    + "client_id=dui&response_type=code&scope=openid&code_challenge_method=S256"
                    + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                    + "&redirect_uri=" + URLEncoder.encode(RelaisServerExtension.DUI_URL + "/callback", StandardCharsets.UTF_8));
            Duration served = Duration.ofNanos(System.nanoTime() - started);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            assertThat(page.body()).contains("kc-form-login");
            System.out.printf("[continuity] login page served in %d ms with PSC blackholed%n", served.toMillis());

            // Operators see it: transitions, admin events, health group, metrics; readiness unaffected.
            JsonNode transition = PscUpstream.latestTransition(admin);
            assertThat(transition.get("to").asText()).isEqualTo(outageState);
            assertThat(transition.get("cause").asText()).isIn("FAILED", "PARTIAL");
            JsonNode event = latestUpstreamAdminEvent(admin, outageState);
            assertThat(event.get("operationType").asText()).isEqualTo("ACTION");
            assertThat(event.get("details").get("upstream").asText()).isEqualTo("PRO_SANTE_CONNECT");
            assertThat(event.get("resourcePath").asText()).isEqualTo("relais-continuity/upstreams/PRO_SANTE_CONNECT");

            HttpResponse<String> group = management(relais, "/health/group/relais-upstreams");
            assertThat(group.body()).contains("\"PRO_SANTE_CONNECT\"").contains("\"" + outageState + "\"");
            // 503 when an upstream is down: PSC when it was the only one probed, or another one (the CRL server
            // of this run answers 404 until a card test has published CRLs, so its state depends on test order).
            assertThat(group.statusCode()).isEqualTo(anyDown(group) ? 503 : 200);
            if (onlyOurs) {
                assertThat(group.statusCode()).isEqualTo(503);
            }
            assertThat(management(relais, "/health/ready").statusCode()).as("an internet outage never makes Keycloak unready")
                    .isEqualTo(200);
            assertThat(management(relais, "/metrics").body())
                    .contains("relais_upstream_state{state=\"" + outageState.toLowerCase() + "\",upstream=\"pro_sante_connect\"} 1.0")
                    .contains("relais_upstream_last_round_age_seconds{upstream=\"pro_sante_connect\"}");

            psc.mode(FakePsc.Mode.UP);
            Duration recovery = Waiting.until(Duration.ofSeconds(30), () -> PscUpstream.of(admin), s -> "UP".equals(s.get("state").asText()),
                    "PSC up again");
            System.out.printf("[continuity] PSC back -> UP after %d ms%n", recovery.toMillis());
            assertThat(recovery).as("three clean rounds, not one").isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(PscUpstream.latestTransition(admin).get("to").asText()).isEqualTo("UP");
            HttpResponse<String> recovered = management(relais, "/health/group/relais-upstreams");
            assertThat(recovered.statusCode()).isEqualTo(anyDown(recovered) ? 503 : 200);
            assertThat(upstreamStates(recovered).get("PRO_SANTE_CONNECT").asText()).isEqualTo("UP");
        } finally {
            admin.delete(REALM);
        }
    }

    @Test
    void oneLostAnswerDoesNotFlipTheState(RelaisInstance relais) throws Exception {
        AdminClient admin = AdminClient.master(relais);
        String realm = REALM + "-blip";
        try (FakePsc psc = new FakePsc()) {
            assertThat(admin.post("", TestRealms.withPscProvider(realm, psc)).status()).isEqualTo(201);
            Set<String> ours = Set.of(psc.discoveryUrl(), psc.jwksUrl());
            Waiting.until(Duration.ofSeconds(30), () -> PscUpstream.of(admin),
                    s -> "UP".equals(s.get("state").asText()) && PscUpstream.okTargets(s).containsAll(ours), "PSC up with our addresses");
            int transitionsBefore = pscTransitionCount(admin);
            // One round's worth of errors (the probe interval is 2 s), then healthy again.
            psc.mode(FakePsc.Mode.ERROR);
            Waiting.until(Duration.ofSeconds(10), () -> PscUpstream.of(admin), s -> !PscUpstream.okTargets(s).containsAll(ours), "a failed round");
            psc.mode(FakePsc.Mode.UP);
            Waiting.until(Duration.ofSeconds(10), () -> PscUpstream.of(admin), s -> PscUpstream.okTargets(s).containsAll(ours), "a good round");
            assertThat(PscUpstream.of(admin).get("state").asText()).isEqualTo("UP");
            assertThat(pscTransitionCount(admin)).isEqualTo(transitionsBefore);
        } finally {
            admin.delete(realm);
        }
    }

    private static int pscTransitionCount(AdminClient admin) throws Exception {
        int count = 0;
        for (JsonNode t : admin.json(API + "/transitions?max=1000")) {
            if ("PRO_SANTE_CONNECT".equals(t.get("upstream").asText())) {
                count++;
            }
        }
        return count;
    }

    /** Admin events of the baseline realm, which keeps them: each realm receives every transition. */
    private static JsonNode latestUpstreamAdminEvent(AdminClient admin, String to) throws Exception {
        for (JsonNode event : admin.json("relais/admin-events?max=200")) {
            if ("RELAIS_UPSTREAM_HEALTH".equals(event.path("resourceType").asText())
                    && to.equals(event.path("details").path("to").asText())) {
                return event;
            }
        }
        throw new AssertionError("no RELAIS_UPSTREAM_HEALTH admin event to " + to);
    }

    /** The states the health group reports, by upstream. */
    private static JsonNode upstreamStates(HttpResponse<String> group) throws Exception {
        return AdminClient.JSON.readTree(group.body()).get("checks").get(0).get("data");
    }

    private static boolean anyDown(HttpResponse<String> group) throws Exception {
        boolean down = false;
        for (JsonNode state : upstreamStates(group)) {
            down |= "DOWN".equals(state.asText());
        }
        return down;
    }

    private static HttpResponse<String> management(RelaisInstance relais, String path) throws Exception {
        HttpClient client = AdminClient.client(relais);
        return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + relais.managementPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
