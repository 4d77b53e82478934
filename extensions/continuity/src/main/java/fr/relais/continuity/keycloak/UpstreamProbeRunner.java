package fr.relais.continuity.keycloak;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

import fr.relais.continuity.health.HttpProber;
import fr.relais.continuity.health.ProbeResult;
import fr.relais.continuity.health.RoundOutcome;
import fr.relais.continuity.health.UpstreamBoard;
import fr.relais.continuity.health.UpstreamStatus;
import fr.relais.spi.health.Upstream;

/**
 * Runs on Keycloak's timer every tick and starts the rounds that are due. The timer thread only
 * reads the addresses (a short transaction on cached models) and fires the requests; the answers are
 * recorded later, in a transaction of their own, on the HTTP client's thread. So neither the timer
 * (shared with Keycloak's own jobs) nor a database connection ever waits on the network.
 */
final class UpstreamProbeRunner implements Runnable {

    private static final Logger LOG = Logger.getLogger(UpstreamProbeRunner.class);

    /** How often the runner looks for due rounds; a round starts at most this late. */
    static final Duration TICK = Duration.ofMillis(250);

    private final KeycloakSessionFactory factory;
    private final UpstreamHealthServerConfig config;
    private final TargetResolver resolver;
    private final HttpProber prober;
    private final HealthStore store;
    private final TransitionAudit audit;
    private final UpstreamBoard board;
    private final Clock clock;
    private final String node = NodeName.get();
    private final AtomicBoolean roundInFlight = new AtomicBoolean();
    private final Map<Upstream, Instant> lastStarted = new ConcurrentHashMap<>();
    private volatile String lastError;

    UpstreamProbeRunner(KeycloakSessionFactory factory, UpstreamHealthServerConfig config, TargetResolver resolver,
                        HttpProber prober, HealthStore store, TransitionAudit audit, UpstreamBoard board, Clock clock) {
        this.factory = factory;
        this.config = config;
        this.resolver = resolver;
        this.prober = prober;
        this.store = store;
        this.audit = audit;
        this.board = board;
        this.clock = clock;
    }

    @Override
    public void run() {
        // One round at a time: a blackholed upstream must not pile up rounds behind it.
        if (!roundInFlight.compareAndSet(false, true)) {
            return;
        }
        boolean launched = false;
        try {
            Instant now = clock.instant();
            Set<Upstream> due = due(now);
            if (due.isEmpty()) {
                return;
            }
            Map<Upstream, List<URI>> targets = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                    session -> resolver.resolve(session, due));
            Map<Upstream, CompletableFuture<List<ProbeResult>>> rounds = new EnumMap<>(Upstream.class);
            for (Upstream upstream : due) {
                lastStarted.put(upstream, now);
                rounds.put(upstream, prober.probeAll(targets.getOrDefault(upstream, List.of())));
            }
            CompletableFuture.allOf(rounds.values().toArray(CompletableFuture[]::new))
                    .whenComplete((done, failure) -> {
                        try {
                            record(rounds);
                        } finally {
                            roundInFlight.set(false);
                        }
                    });
            launched = true;
        } catch (RuntimeException e) {
            report("cannot start a probe round", e);
        } finally {
            if (!launched) {
                roundInFlight.set(false);
            }
        }
    }

    private Set<Upstream> due(Instant now) {
        Set<Upstream> due = EnumSet.noneOf(Upstream.class);
        for (Upstream upstream : Upstream.values()) {
            Duration interval = config.interval(upstream);
            Instant last = lastStarted.get(upstream);
            if (last != null && now.isBefore(last.plus(interval).minus(TICK))) {
                continue;
            }
            // Another node recorded a round within this interval: let it carry on rather than probe twice.
            UpstreamStatus status = board.get(upstream);
            if (status.lastRoundAt() != null && !node.equals(status.probedBy())
                    && now.isBefore(status.lastRoundAt().plus(interval).minus(TICK))) {
                continue;
            }
            due.add(upstream);
        }
        return due;
    }

    private void record(Map<Upstream, CompletableFuture<List<ProbeResult>>> rounds) {
        Instant at = clock.instant();
        List<UpstreamStatus> recorded = new ArrayList<>();
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                for (Map.Entry<Upstream, CompletableFuture<List<ProbeResult>>> round : rounds.entrySet()) {
                    Upstream upstream = round.getKey();
                    List<ProbeResult> results = round.getValue().getNow(List.of());
                    RoundOutcome outcome = RoundOutcome.classify(results, config.slowAfterMillis());
                    if (outcome == RoundOutcome.NOT_MONITORED && board.get(upstream).lastOutcome() == RoundOutcome.NOT_MONITORED) {
                        continue;  // nothing to probe, and already known: no need to write it every round
                    }
                    store.record(session, upstream, outcome, results, at, node, minSpacing(upstream))
                            .ifPresent(r -> {
                                recorded.add(r.status());
                                r.transition().ifPresent(t -> audit.record(session, upstream, t, results, node));
                            });
                }
            });
            recorded.forEach(board::offer);
            lastError = null;
        } catch (RuntimeException e) {
            report("cannot record a probe round", e);
        }
    }

    /**
     * Two nodes may still probe in the same interval (each reads the shared state once a second); the
     * later round is then dropped so that the hysteresis counts rounds, not nodes.
     */
    private Duration minSpacing(Upstream upstream) {
        return config.interval(upstream).multipliedBy(3).dividedBy(4);
    }

    /** Logs a failure once, not every round while it lasts. */
    private void report(String what, RuntimeException e) {
        String message = what + ": " + e;
        if (!message.equals(lastError)) {
            LOG.warnf(e, "Santé des services amont : %s / upstream health: %s", what, e.getMessage());
            lastError = message;
        }
    }
}
