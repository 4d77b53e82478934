package fr.relais.continuity.keycloak;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import fr.relais.continuity.health.ProbeResult;
import fr.relais.continuity.health.Transition;
import fr.relais.continuity.health.UpstreamLabels;
import fr.relais.spi.health.Upstream;
import fr.relais.spi.health.UpstreamState;

/**
 * Makes every change of an upstream's state visible where operators already look: the server log,
 * and the admin events of every realm (stored when the realm keeps admin events, and passed to the
 * realm's event listeners, e.g. a SIEM forwarder). An upstream is server-wide, so each realm gets the
 * event; there is no administrator behind it, so the event names no user.
 */
final class TransitionAudit {

    private static final Logger LOG = Logger.getLogger(TransitionAudit.class);

    /** Admin event resource type of upstream transitions. */
    static final String RESOURCE_TYPE = "RELAIS_UPSTREAM_HEALTH";

    void record(KeycloakSession session, Upstream upstream, Transition transition, List<ProbeResult> results, String node) {
        log(upstream, transition, results);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("upstream", upstream.name());
        details.put("from", transition.from().name());
        details.put("to", transition.to().name());
        details.put("cause", transition.cause().name());
        details.put("node", node);
        details.put("results", summary(results));
        for (RealmModel realm : session.realms().getRealmsStream().toList()) {
            SystemAdminEvents.send(session, realm, transition.at(), RESOURCE_TYPE, "relais-continuity/upstreams/" + upstream.name(), details);
        }
    }

    private static void log(Upstream upstream, Transition t, List<ProbeResult> results) {
        String message = String.format("Service amont %s : %s → %s (%s) / upstream %s %s -> %s; %s",
                UpstreamLabels.french(upstream), UpstreamLabels.french(t.from()), UpstreamLabels.french(t.to()),
                UpstreamLabels.french(t.cause()), upstream, t.from(), t.to(), summary(results));
        if (t.to() == UpstreamState.DOWN || t.to() == UpstreamState.DEGRADED) {
            LOG.warn(message);
        } else {
            LOG.info(message);
        }
    }

    static String summary(List<ProbeResult> results) {
        return results.stream()
                .map(r -> r.target() + " " + (r.ok() ? "HTTP " + r.status() : r.error()) + " " + r.latencyMillis() + " ms")
                .collect(Collectors.joining("; "));
    }
}
