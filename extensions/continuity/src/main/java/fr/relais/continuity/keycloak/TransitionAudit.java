package fr.relais.continuity.keycloak;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;

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
            send(session, realm, transition, upstream, details);
        }
    }

    private static void send(KeycloakSession session, RealmModel realm, Transition transition, Upstream upstream,
                             Map<String, String> details) {
        AdminEvent event = new AdminEvent();
        event.setId(UUID.randomUUID().toString());
        event.setTime(transition.at().toEpochMilli());
        event.setRealmId(realm.getId());
        event.setRealmName(realm.getName());
        AuthDetails auth = new AuthDetails();
        auth.setRealmId(realm.getId());
        auth.setRealmName(realm.getName());
        event.setAuthDetails(auth);
        event.setOperationType(OperationType.ACTION);
        event.setResourceTypeAsString(RESOURCE_TYPE);
        event.setResourcePath("relais-continuity/upstreams/" + upstream.name());
        event.setDetails(details);
        boolean withRepresentation = realm.isAdminEventsDetailsEnabled();
        if (withRepresentation) {
            event.setRepresentation(json(details));
        }
        if (realm.isAdminEventsEnabled()) {
            EventStoreProvider store = session.getProvider(EventStoreProvider.class);
            if (store != null) {
                store.onEvent(event, withRepresentation);
            }
        }
        realm.getEventsListenersStream().forEach(id -> {
            EventListenerProvider listener = session.getProvider(EventListenerProvider.class, id);
            if (listener != null) {
                listener.onEvent(new AdminEvent(event), withRepresentation);
            }
        });
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

    private static String json(Map<String, String> details) {
        try {
            return JsonSerialization.writeValueAsString(details);
        } catch (IOException e) {
            return null;  // a map of strings always serialises; the details are in the event anyway
        }
    }
}
