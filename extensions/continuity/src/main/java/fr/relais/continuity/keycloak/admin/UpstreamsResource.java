package fr.relais.continuity.keycloak.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import fr.relais.continuity.health.ProbeResult;
import fr.relais.continuity.health.ProbeResultCodec;
import fr.relais.continuity.health.UpstreamLabels;
import fr.relais.continuity.health.UpstreamStatus;
import fr.relais.continuity.keycloak.ProbedUpstreamHealthFactory;
import fr.relais.continuity.keycloak.storage.UpstreamTransitionEntity;
import fr.relais.spi.health.Upstream;
import fr.relais.spi.health.UpstreamHealth;

/**
 * {@code GET .../upstreams}: the state of each upstream as this node sees it (the node that answers
 * is named), with the per-address results of the last round; {@code GET .../upstreams/transitions}:
 * the latest changes, server-wide. Upstreams are shared by all realms; any realm administrator may
 * look.
 */
public class UpstreamsResource {

    private static final int DEFAULT_TRANSITIONS = 50;
    private static final int MAX_TRANSITIONS = 1000;

    private final KeycloakSession session;
    private final AdminPermissionEvaluator auth;

    UpstreamsResource(KeycloakSession session, AdminPermissionEvaluator auth) {
        this.session = session;
        this.auth = auth;
    }

    public record TargetView(String url, boolean ok, int status, long latencyMillis, String error) {
    }

    public record UpstreamView(String upstream, String label, String state, String stateLabel, String since,
                               boolean monitored, String lastRoundAt, String lastOutcome, String lastOutcomeLabel,
                               String probedBy, List<TargetView> targets) {
    }

    public record UpstreamsView(List<UpstreamView> upstreams, Map<String, Object> settings) {
    }

    public record TransitionView(String upstream, String from, String to, String at, String cause, String node,
                                 List<TargetView> targets) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public UpstreamsView list() {
        auth.realm().requireViewRealm();
        ProbedUpstreamHealthFactory health = health();
        List<UpstreamView> views = new ArrayList<>();
        for (Upstream upstream : Upstream.values()) {
            views.add(view(health.status(upstream)));
        }
        return new UpstreamsView(views, health.settings());
    }

    @GET
    @Path("transitions")
    @Produces(MediaType.APPLICATION_JSON)
    public List<TransitionView> transitions(@QueryParam("max") Integer max) {
        auth.realm().requireViewRealm();
        int limit = max == null || max < 1 ? DEFAULT_TRANSITIONS : Math.min(max, MAX_TRANSITIONS);
        List<TransitionView> views = new ArrayList<>();
        for (UpstreamTransitionEntity t : health().recentTransitions(session, limit)) {
            views.add(new TransitionView(t.getUpstream(), t.getFromState(), t.getToState(),
                    Instant.ofEpochMilli(t.getOccurredAt()).toString(), t.getCause(), t.getNode(),
                    targets(ProbeResultCodec.decode(t.getResults()))));
        }
        return views;
    }

    private static UpstreamView view(UpstreamStatus s) {
        return new UpstreamView(s.upstream().name(), UpstreamLabels.french(s.upstream()), s.state().name(),
                UpstreamLabels.french(s.state()), text(s.since()), s.monitored(), text(s.lastRoundAt()),
                s.lastOutcome() == null ? null : s.lastOutcome().name(),
                s.lastOutcome() == null ? null : UpstreamLabels.french(s.lastOutcome()),
                s.probedBy(), targets(s.lastResults()));
    }

    private static List<TargetView> targets(List<ProbeResult> results) {
        return results.stream().map(r -> new TargetView(r.target(), r.ok(), r.status(), r.latencyMillis(), r.error())).toList();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private ProbedUpstreamHealthFactory health() {
        return (ProbedUpstreamHealthFactory) session.getKeycloakSessionFactory()
                .getProviderFactory(UpstreamHealth.class, ProbedUpstreamHealthFactory.PROVIDER_ID);
    }

}
