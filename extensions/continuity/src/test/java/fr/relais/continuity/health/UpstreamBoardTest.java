package fr.relais.continuity.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.relais.spi.health.Upstream;
import fr.relais.spi.health.UpstreamState;

class UpstreamBoardTest {

    private static UpstreamStatus status(UpstreamState state, Instant lastRound) {
        return new UpstreamStatus(Upstream.PRO_SANTE_CONNECT, state, lastRound, lastRound, RoundOutcome.OK, List.of(), "node-a");
    }

    @Test
    void everyUpstreamStartsUnknown() {
        UpstreamBoard board = new UpstreamBoard();
        for (Upstream upstream : Upstream.values()) {
            assertThat(board.get(upstream).state()).isEqualTo(UpstreamState.UNKNOWN);
            assertThat(board.get(upstream).monitored()).isFalse();
        }
    }

    @Test
    void anOlderRoundNeverReplacesANewerOne() {
        UpstreamBoard board = new UpstreamBoard();
        Instant t = Instant.parse("2026-11-30T08:00:00Z");
        board.offer(status(UpstreamState.DOWN, t.plusSeconds(2)));
        board.offer(status(UpstreamState.UP, t));
        assertThat(board.get(Upstream.PRO_SANTE_CONNECT).state()).isEqualTo(UpstreamState.DOWN);
        board.offer(status(UpstreamState.UP, t.plusSeconds(4)));
        assertThat(board.get(Upstream.PRO_SANTE_CONNECT).state()).isEqualTo(UpstreamState.UP);
        assertThat(board.get(Upstream.CRL_SOURCES).state()).as("other upstreams untouched").isEqualTo(UpstreamState.UNKNOWN);
    }
}
