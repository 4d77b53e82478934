package fr.relais.continuity.keycloak;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.scheduled.ScheduledTaskRunner;
import org.keycloak.timer.TimerProvider;

import fr.relais.continuity.grace.SessionGracePolicy;
import fr.relais.continuity.health.HealthMachine;
import fr.relais.continuity.health.HttpProber;
import fr.relais.continuity.health.NodeBoards;
import fr.relais.continuity.health.UpstreamBoard;
import fr.relais.continuity.health.UpstreamStatus;
import fr.relais.continuity.keycloak.storage.UpstreamTransitionEntity;
import fr.relais.spi.health.Upstream;
import fr.relais.spi.health.UpstreamHealth;
import fr.relais.spi.health.UpstreamHealthFactory;

/**
 * Upstream health: background probes of Pro Santé Connect, the CRL servers and the RPPS source, a
 * hysteresis state per upstream shared by every node through the database, and a provider that
 * answers from memory. Options: {@code spi-relais-upstream-health--relais-upstream-health--*}.
 */
public final class ProbedUpstreamHealthFactory implements UpstreamHealthFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "relais-upstream-health";

    private static final Logger LOG = Logger.getLogger(ProbedUpstreamHealthFactory.class);

    private UpstreamHealthServerConfig config;
    private UpstreamBoard board;
    private HealthStore store;
    private UpstreamHealth provider;

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope scope) {
        config = UpstreamHealthServerConfig.from(scope);
        board = new UpstreamBoard();
        store = new HealthStore(new HealthMachine(config.hysteresis()));
        provider = new ProbedUpstreamHealth(board);
        NodeBoards.publish(board);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        UpstreamMetrics.register(board);
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                start(factory);
            }
        });
    }

    private void start(KeycloakSessionFactory factory) {
        // Logins right after a restart already see the state the cluster agreed on.
        KeycloakModelUtils.runJobInTransaction(factory, session -> store.loadAll(session).values().forEach(board::offer));
        UpstreamProbeRunner runner = new UpstreamProbeRunner(factory, config, new TargetResolver(config),
                new HttpProber(config.timeout()), store, new TransitionAudit(), board, Clock.systemUTC());
        UpstreamSyncTask sync = new UpstreamSyncTask(store, board);
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            TimerProvider timer = session.getProvider(TimerProvider.class);
            long tick = UpstreamProbeRunner.TICK.toMillis();
            timer.schedule(runner, tick, tick, "relais-upstream-probe");
            long syncMillis = config.syncInterval().toMillis();
            timer.schedule(new ScheduledTaskRunner(factory, sync), syncMillis, syncMillis, sync.getTaskName());
        });
        LOG.infof("Santé des services amont : sondes actives (PSC toutes les %d s, CRL et RPPS toutes les %d s) "
                        + "/ upstream probes started", config.pscInterval().toSeconds(), config.sourceInterval().toSeconds());
    }

    @Override
    public UpstreamHealth create(KeycloakSession session) {
        return provider;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return UpstreamHealthServerConfig.METADATA;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        for (Upstream upstream : Upstream.values()) {
            UpstreamStatus status = board.get(upstream);
            info.put(upstream.name(), status.state() + (status.since() == null ? "" : " since " + status.since())
                    + (status.lastOutcome() == null ? "" : ", last round " + status.lastOutcome()));
        }
        return info;
    }

    /** This node's copy of the shared states, for the admin resource. */
    public UpstreamStatus status(Upstream upstream) {
        return board.get(upstream);
    }

    public List<UpstreamTransitionEntity> recentTransitions(KeycloakSession session, int max) {
        return store.recentTransitions(session, max);
    }

    /** The session grace policy of this server (part of the continuity settings, the same on every node). */
    public static SessionGracePolicy gracePolicy(KeycloakSessionFactory factory) {
        return ((ProbedUpstreamHealthFactory) factory.getProviderFactory(UpstreamHealth.class, PROVIDER_ID)).config.grace();
    }

    /** For the admin resource: the probing parameters in force, and which node answers. */
    public Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("probeIntervalSeconds", config.pscInterval().toSeconds());
        settings.put("sourceProbeIntervalSeconds", config.sourceInterval().toSeconds());
        settings.put("probeTimeoutMillis", config.timeout().toMillis());
        settings.put("slowMillis", config.slowAfterMillis());
        settings.put("downAfter", config.hysteresis().downAfter());
        settings.put("upAfter", config.hysteresis().upAfter());
        settings.put("degradeAfter", config.hysteresis().degradeAfter());
        settings.put("window", config.hysteresis().window());
        settings.put("node", NodeName.get());
        settings.put("answeredAt", Instant.now().toString());
        return settings;
    }

    @Override
    public void close() {
    }
}
