package fr.relais.continuity.keycloak;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

import fr.relais.continuity.health.HealthMachine;
import fr.relais.continuity.health.HealthMemory;
import fr.relais.continuity.health.ProbeResult;
import fr.relais.continuity.health.ProbeResultCodec;
import fr.relais.continuity.health.RoundOutcome;
import fr.relais.continuity.health.Transition;
import fr.relais.continuity.health.UpstreamStatus;
import fr.relais.continuity.keycloak.storage.UpstreamHealthEntity;
import fr.relais.continuity.keycloak.storage.UpstreamTransitionEntity;
import fr.relais.spi.health.Upstream;
import fr.relais.spi.health.UpstreamState;

/**
 * The shared upstream state in Keycloak's database. Why the database rather than an Infinispan
 * cache: it works the same with every cache setup (including {@code cache=local}, used by the tests
 * and by a single-node appliance), survives a restart of the whole cluster (an outage does not end
 * because the nodes restarted), and a node that joins reads the current state on its first sync.
 * The cost is one three-row query per node per second.
 */
final class HealthStore {

    private final HealthMachine machine;

    HealthStore(HealthMachine machine) {
        this.machine = machine;
    }

    /** What a round changed; {@code transition} is empty when the state held. */
    record Recorded(UpstreamStatus status, Optional<Transition> transition) {
    }

    Map<Upstream, UpstreamStatus> loadAll(KeycloakSession session) {
        Map<Upstream, UpstreamStatus> statuses = new EnumMap<>(Upstream.class);
        for (UpstreamHealthEntity row : em(session).createQuery("select h from UpstreamHealthEntity h", UpstreamHealthEntity.class)
                .getResultList()) {
            upstreamOf(row.getUpstream()).ifPresent(u -> statuses.put(u, toStatus(u, row)));
        }
        return statuses;
    }

    /**
     * Applies one round under a row lock. When another node recorded a round of this upstream less
     * than {@code minSpacing} ago, this round is dropped: two nodes probing at once must not count
     * twice towards the hysteresis.
     */
    Optional<Recorded> record(KeycloakSession session, Upstream upstream, RoundOutcome outcome, List<ProbeResult> results,
                              Instant at, String node, Duration minSpacing) {
        EntityManager em = em(session);
        UpstreamHealthEntity row = em.find(UpstreamHealthEntity.class, upstream.name(), LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            row = newRow(upstream);
            em.persist(row);
        }
        if (row.getLastRoundAt() != null && !node.equals(row.getProbedBy())
                && at.toEpochMilli() - row.getLastRoundAt() < minSpacing.toMillis()) {
            return Optional.empty();
        }
        HealthMachine.Step step = machine.next(memoryOf(row), outcome, at);
        HealthMemory memory = step.memory();
        String encoded = ProbeResultCodec.encode(results);
        row.setState(memory.state().name());
        row.setSince(memory.since() == null ? null : memory.since().toEpochMilli());
        row.setHistory(memory.history().isEmpty() ? null : memory.history());
        row.setRoundsInState(memory.roundsInState());
        row.setLastRoundAt(at.toEpochMilli());
        row.setLastOutcome(outcome.name());
        row.setLastResults(encoded);
        row.setProbedBy(node);
        step.transition().ifPresent(t -> em.persist(transitionRow(upstream, t, encoded, node)));
        return Optional.of(new Recorded(toStatus(upstream, row), step.transition()));
    }

    List<UpstreamTransitionEntity> recentTransitions(KeycloakSession session, int max) {
        return em(session).createQuery("select t from UpstreamTransitionEntity t order by t.occurredAt desc, t.id",
                UpstreamTransitionEntity.class).setMaxResults(max).getResultList();
    }

    private static UpstreamTransitionEntity transitionRow(Upstream upstream, Transition t, String results, String node) {
        UpstreamTransitionEntity row = new UpstreamTransitionEntity();
        row.setId(UUID.randomUUID().toString());
        row.setUpstream(upstream.name());
        row.setFromState(t.from().name());
        row.setToState(t.to().name());
        row.setOccurredAt(t.at().toEpochMilli());
        row.setCause(t.cause().name());
        row.setResults(results);
        row.setNode(node);
        return row;
    }

    private static UpstreamHealthEntity newRow(Upstream upstream) {
        UpstreamHealthEntity row = new UpstreamHealthEntity();
        row.setUpstream(upstream.name());
        row.setState(UpstreamState.UNKNOWN.name());
        row.setRoundsInState(0);
        return row;
    }

    private static HealthMemory memoryOf(UpstreamHealthEntity row) {
        return new HealthMemory(stateOf(row.getState()), row.getSince() == null ? null : Instant.ofEpochMilli(row.getSince()),
                row.getHistory() == null ? "" : row.getHistory(), row.getRoundsInState());
    }

    private static UpstreamStatus toStatus(Upstream upstream, UpstreamHealthEntity row) {
        return new UpstreamStatus(upstream, stateOf(row.getState()),
                row.getSince() == null ? null : Instant.ofEpochMilli(row.getSince()),
                row.getLastRoundAt() == null ? null : Instant.ofEpochMilli(row.getLastRoundAt()),
                outcomeOf(row.getLastOutcome()),
                ProbeResultCodec.decode(row.getLastResults()), row.getProbedBy());
    }

    private static UpstreamState stateOf(String name) {
        try {
            return UpstreamState.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return UpstreamState.UNKNOWN;
        }
    }

    private static RoundOutcome outcomeOf(String name) {
        try {
            return name == null ? null : RoundOutcome.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Optional<Upstream> upstreamOf(String name) {
        try {
            return Optional.of(Upstream.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();  // a row written by a newer version; this node does not know it
        }
    }

    private static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
