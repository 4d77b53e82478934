package fr.relais.continuity.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.relais.spi.health.UpstreamState;

class OutageTest {

    private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

    private static Transition t(int minute, UpstreamState from, UpstreamState to) {
        return new Transition(from, to, T0.plusSeconds(60L * minute), RoundOutcome.FAILED);
    }

    @Test
    void anOutageRunsFromLeavingUpToComingBack() {
        List<Outage> outages = Outage.from(List.of(
                t(0, UpstreamState.UNKNOWN, UpstreamState.UP),
                t(10, UpstreamState.UP, UpstreamState.DEGRADED),
                t(12, UpstreamState.DEGRADED, UpstreamState.DOWN),
                t(40, UpstreamState.DOWN, UpstreamState.DEGRADED),
                t(41, UpstreamState.DEGRADED, UpstreamState.UP),
                t(50, UpstreamState.UP, UpstreamState.DEGRADED),
                t(52, UpstreamState.DEGRADED, UpstreamState.UP)));
        assertThat(outages).containsExactly(
                new Outage(T0.plusSeconds(600), T0.plusSeconds(41 * 60), UpstreamState.DOWN),
                new Outage(T0.plusSeconds(50 * 60), T0.plusSeconds(52 * 60), UpstreamState.DEGRADED));
    }

    @Test
    void orderOfTheInputDoesNotMatterAndAnOngoingOutageHasNoEnd() {
        List<Outage> outages = Outage.from(List.of(
                t(20, UpstreamState.UP, UpstreamState.DOWN),
                t(5, UpstreamState.DOWN, UpstreamState.UP),
                t(1, UpstreamState.UP, UpstreamState.DOWN)));
        assertThat(outages).containsExactly(
                new Outage(T0.plusSeconds(60), T0.plusSeconds(300), UpstreamState.DOWN),
                new Outage(T0.plusSeconds(1200), null, UpstreamState.DOWN));
        assertThat(outages.get(1).over()).isFalse();
    }

    @Test
    void noTransitionsNoOutage() {
        assertThat(Outage.from(List.of())).isEmpty();
    }
}
