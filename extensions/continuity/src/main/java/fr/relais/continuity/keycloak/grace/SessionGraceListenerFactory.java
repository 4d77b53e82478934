package fr.relais.continuity.keycloak.grace;

import java.time.Clock;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.TimerProvider;

import fr.relais.continuity.keycloak.NotedSessionEnder;
import fr.relais.continuity.keycloak.ProbedUpstreamHealthFactory;

/**
 * The session grace's event listener (add {@code relais-session-grace} to a realm's event listeners)
 * and the sweep that bounds continued sessions. The policy itself is a server setting of the
 * upstream health ({@code session-grace-*}), off by default.
 */
public final class SessionGraceListenerFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "relais-session-grace";
    /** How late, at most, a continued session ends after PSC is back or its time is over. */
    static final long SWEEP_INTERVAL_MILLIS = 5_000;

    private final SessionGraceStore store = new SessionGraceStore();
    private final NotedSessionEnder ender = new NotedSessionEnder();
    private KeycloakSessionFactory factory;

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new SessionGraceListener(session, store, ProbedUpstreamHealthFactory.gracePolicy(factory), Clock.systemUTC());
    }

    @Override
    public void init(Config.Scope scope) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        this.factory = factory;
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, session -> {
                    SessionGraceSweepTask sweep = new SessionGraceSweepTask(store, ender, Clock.systemUTC());
                    TimerProvider timer = session.getProvider(TimerProvider.class);
                    timer.schedule(new ClusterAwareScheduledTaskRunner(factory, sweep, SWEEP_INTERVAL_MILLIS),
                            SWEEP_INTERVAL_MILLIS, SWEEP_INTERVAL_MILLIS, sweep.getTaskName());
                    ender.scheduleWatch(factory, timer, sweep.getTaskName() + "-ended-sessions");
                });
            }
        });
    }

    @Override
    public void close() {
    }
}
