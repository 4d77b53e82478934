package fr.relais.continuity.keycloak.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.keycloak.events.Event;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import fr.relais.continuity.health.Outage;
import fr.relais.continuity.health.OutageLogins;
import fr.relais.continuity.health.RoundOutcome;
import fr.relais.continuity.health.Transition;
import fr.relais.continuity.health.UpstreamLabels;
import fr.relais.continuity.keycloak.ProbedUpstreamHealthFactory;
import fr.relais.continuity.keycloak.audit.DegradedModeAuditFactory;
import fr.relais.continuity.keycloak.storage.UpstreamTransitionEntity;
import fr.relais.spi.health.Upstream;
import fr.relais.spi.health.UpstreamHealth;
import fr.relais.spi.health.UpstreamState;

/**
 * {@code GET .../outages?upstream=PRO_SANTE_CONNECT}: each outage of an upstream (from the stored
 * transitions), most recent first, with what happened in this realm meanwhile: the logins the
 * degraded-mode audit tagged, by means, and how many used the session grace. Needs the right to
 * view events, since it reads them.
 */
public class OutagesResource {

    /** Transitions read back: far more than a year of outages at the probes' hysteresis. */
    private static final int TRANSITIONS = 5_000;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    OutagesResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    public record OutageView(String upstream, String label, String start, String end, boolean over, String worst,
                             String worstLabel, long durationSeconds, int logins, int distinctUsers, int graceUsed,
                             Map<String, Integer> loginsByMeans) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<OutageView> list(@QueryParam("upstream") String upstreamName) {
        auth.realm().requireViewEvents();
        Upstream upstream = upstream(upstreamName);
        List<Transition> transitions = new ArrayList<>();
        for (UpstreamTransitionEntity row : health().recentTransitions(session, TRANSITIONS)) {
            if (upstream.name().equals(row.getUpstream())) {
                transitions.add(new Transition(UpstreamState.valueOf(row.getFromState()), UpstreamState.valueOf(row.getToState()),
                        Instant.ofEpochMilli(row.getOccurredAt()), RoundOutcome.valueOf(row.getCause())));
            }
        }
        List<Outage> outages = new ArrayList<>(Outage.from(transitions));
        Collections.reverse(outages);
        List<OutageView> views = new ArrayList<>();
        for (Outage outage : outages) {
            Instant end = outage.over() ? outage.end() : Instant.now();
            OutageLogins logins = logins(outage.start(), end);
            views.add(new OutageView(upstream.name(), UpstreamLabels.french(upstream), outage.start().toString(),
                    outage.over() ? outage.end().toString() : null, outage.over(), outage.worst().name(),
                    UpstreamLabels.french(outage.worst()), Duration.between(outage.start(), end).toSeconds(),
                    logins.logins(), logins.distinctUsers(), logins.graceUsed(), logins.byMeans()));
        }
        return views;
    }

    private OutageLogins logins(Instant from, Instant to) {
        OutageLogins logins = new OutageLogins();
        EventStoreProvider events = session.getProvider(EventStoreProvider.class);
        events.createQuery().realm(realm.getId()).type(EventType.LOGIN)
                .fromDate(from.toEpochMilli()).toDate(to.toEpochMilli())
                .getResultStream()
                .filter(e -> e.getDetails() != null && "true".equals(e.getDetails().get(DegradedModeAuditFactory.DEGRADED)))
                .forEach(e -> logins.add(means(e), e.getUserId(),
                        "true".equals(e.getDetails().get(DegradedModeAuditFactory.GRACE))));
        return logins;
    }

    /** The card and PSC logins name their means; the forms' logins are named by the credentials used. */
    private static String means(Event event) {
        String named = event.getDetails().get("relais_means");
        return named != null ? named : event.getDetails().get(DegradedModeAuditFactory.CREDENTIALS);
    }

    private static Upstream upstream(String name) {
        if (name == null || name.isBlank()) {
            return Upstream.PRO_SANTE_CONNECT;
        }
        try {
            return Upstream.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Unknown upstream " + name + ": expected PRO_SANTE_CONNECT, CRL_SOURCES or RPPS_SOURCE");
        }
    }

    private ProbedUpstreamHealthFactory health() {
        return (ProbedUpstreamHealthFactory) session.getKeycloakSessionFactory()
                .getProviderFactory(UpstreamHealth.class, ProbedUpstreamHealthFactory.PROVIDER_ID);
    }
}
