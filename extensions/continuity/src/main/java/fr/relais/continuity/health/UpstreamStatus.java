package fr.relais.continuity.health;

import java.time.Instant;
import java.util.List;

import fr.relais.spi.health.Upstream;
import fr.relais.spi.health.UpstreamState;

/**
 * What a node knows about one upstream: the state the cluster agreed on and the last round behind it.
 *
 * @param since       when the state began; null before the first round
 * @param lastRoundAt when the last round was recorded, by any node; null before the first round
 * @param lastOutcome outcome of that round; null before the first round
 * @param lastResults per-address results of that round
 * @param probedBy    the node that recorded it
 */
public record UpstreamStatus(Upstream upstream, UpstreamState state, Instant since, Instant lastRoundAt,
                             RoundOutcome lastOutcome, List<ProbeResult> lastResults, String probedBy) {

    public UpstreamStatus {
        lastResults = List.copyOf(lastResults);
    }

    public static UpstreamStatus never(Upstream upstream) {
        return new UpstreamStatus(upstream, UpstreamState.UNKNOWN, null, null, null, List.of(), null);
    }

    public boolean monitored() {
        return lastOutcome != null && lastOutcome != RoundOutcome.NOT_MONITORED;
    }
}
