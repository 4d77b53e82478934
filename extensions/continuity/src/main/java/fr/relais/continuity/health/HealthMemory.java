package fr.relais.continuity.health;

import java.time.Instant;
import java.util.Objects;

import fr.relais.spi.health.UpstreamState;

/**
 * Everything the state machine needs to remember about one upstream between rounds; stored in the
 * database so that every node, and a restarted node, continues from the same point.
 *
 * @param state         the current state
 * @param since         when the current state began (null only before the first round)
 * @param history       latest round outcomes, oldest first, one {@link RoundOutcome#code()} each
 * @param roundsInState rounds recorded since the state began, not counting the round that began it
 */
public record HealthMemory(UpstreamState state, Instant since, String history, int roundsInState) {

    public static final HealthMemory INITIAL = new HealthMemory(UpstreamState.UNKNOWN, null, "", 0);

    public HealthMemory {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(history, "history");
        for (int i = 0; i < history.length(); i++) {
            RoundOutcome.ofCode(history.charAt(i));
        }
        if (roundsInState < 0) {
            throw new IllegalArgumentException("roundsInState cannot be negative");
        }
    }
}
