package fr.relais.spi.health;

import java.time.Instant;
import java.util.Optional;

import org.keycloak.provider.Provider;

/**
 * "Is this upstream reachable now?" Answered from state that background probes keep, so that a login
 * never waits on a network timeout to decide what to offer. Every method answers from memory.
 *
 * <p>The login page's question is {@link #isKnownDown}: a means that depends on an upstream (the Pro
 * Santé Connect button) is hidden, with an explanation, only when that upstream is known to be down.
 * {@link UpstreamState#UNKNOWN} (not monitored, or no probe has answered yet) and
 * {@link UpstreamState#DEGRADED} keep the means on offer: the broker's own timeouts still bound the
 * wait, and hiding PSC on a guess would break RIE v2 EXI RIE-PS 03 (every service must allow PSC).
 */
public interface UpstreamHealth extends Provider {

    UpstreamState state(Upstream upstream);

    /** When the current state began, as agreed by the cluster; empty when never probed. */
    default Optional<Instant> since(Upstream upstream) {
        return Optional.empty();
    }

    /** True only when the probes have established that the upstream is unreachable. */
    default boolean isKnownDown(Upstream upstream) {
        return state(upstream) == UpstreamState.DOWN;
    }

    @Override
    default void close() {
    }
}
