package fr.relais.continuity.health;

import java.util.EnumMap;
import java.util.Map;

import fr.relais.spi.health.Upstream;

/**
 * This node's copy of the upstream states, read by every login (hence memory only, no lock on the
 * read path) and refreshed from the shared store by a background job.
 */
public final class UpstreamBoard {

    private volatile Map<Upstream, UpstreamStatus> statuses;

    public UpstreamBoard() {
        Map<Upstream, UpstreamStatus> initial = new EnumMap<>(Upstream.class);
        for (Upstream upstream : Upstream.values()) {
            initial.put(upstream, UpstreamStatus.never(upstream));
        }
        statuses = initial;
    }

    public UpstreamStatus get(Upstream upstream) {
        return statuses.get(upstream);
    }

    /**
     * Keeps the status unless this node already holds a later round: a sync that read the database
     * just before this node recorded its own round must not bring the older state back.
     * Copy-on-write: writes are rare (a few per second at most), reads are on every login page.
     */
    public synchronized void offer(UpstreamStatus status) {
        UpstreamStatus held = statuses.get(status.upstream());
        if (held.lastRoundAt() != null && (status.lastRoundAt() == null || status.lastRoundAt().isBefore(held.lastRoundAt()))) {
            return;
        }
        Map<Upstream, UpstreamStatus> copy = new EnumMap<>(statuses);
        copy.put(status.upstream(), status);
        statuses = copy;
    }
}
