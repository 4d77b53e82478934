package fr.relais.continuity.health;

import java.time.Instant;
import java.util.Optional;

import fr.relais.spi.health.UpstreamState;

/**
 * The state of one upstream, moved by round outcomes with hysteresis:
 * <ul>
 *   <li>DOWN from any state after {@code downAfter} consecutive rounds without any answer;</li>
 *   <li>out of DOWN after {@code upAfter} consecutive answered rounds: UP if they were all clean,
 *       DEGRADED otherwise;</li>
 *   <li>UP turns DEGRADED when {@code degradeAfter} of the latest {@code window} rounds spent in UP
 *       were impaired (slow, partial, or failed), so one lost packet never does it;</li>
 *   <li>DEGRADED turns UP after {@code upAfter} consecutive clean rounds;</li>
 *   <li>from UNKNOWN (first rounds after installation, or monitoring just enabled) the first answer
 *       decides at once: nothing was known, so there is nothing to flap from;</li>
 *   <li>an upstream with nothing to probe is UNKNOWN.</li>
 * </ul>
 * Pure and deterministic: the same memory and outcome always give the same step.
 */
public final class HealthMachine {

    private final HysteresisPolicy policy;

    public HealthMachine(HysteresisPolicy policy) {
        this.policy = policy;
    }

    public HysteresisPolicy policy() {
        return policy;
    }

    /** The result of one round: the new memory, and the transition if the state changed. */
    public record Step(HealthMemory memory, Optional<Transition> transition) {
    }

    public Step next(HealthMemory memory, RoundOutcome outcome, Instant now) {
        String history = outcome == RoundOutcome.NOT_MONITORED ? "" : append(memory.history(), outcome);
        int roundsInState = memory.roundsInState() + 1;
        UpstreamState next = outcome == RoundOutcome.NOT_MONITORED
                ? UpstreamState.UNKNOWN
                : decide(memory.state(), history, roundsInState);
        if (next == memory.state()) {
            Instant since = memory.since() != null ? memory.since() : now;
            return new Step(new HealthMemory(next, since, history, roundsInState), Optional.empty());
        }
        return new Step(new HealthMemory(next, now, history, 0),
                Optional.of(new Transition(memory.state(), next, now, outcome)));
    }

    private String append(String history, RoundOutcome outcome) {
        String longer = history + outcome.code();
        int keep = policy.historyLength();
        return longer.length() <= keep ? longer : longer.substring(longer.length() - keep);
    }

    private UpstreamState decide(UpstreamState current, String history, int roundsInState) {
        if (trailing(history, RoundOutcome.FAILED) >= policy.downAfter()) {
            return UpstreamState.DOWN;
        }
        RoundOutcome last = RoundOutcome.ofCode(history.charAt(history.length() - 1));
        return switch (current) {
            case UNKNOWN -> last == RoundOutcome.OK ? UpstreamState.UP
                    : last.answered() ? UpstreamState.DEGRADED
                    : UpstreamState.UNKNOWN;
            case DOWN -> trailingAnswered(history) >= policy.upAfter()
                    ? (trailing(history, RoundOutcome.OK) >= policy.upAfter() ? UpstreamState.UP : UpstreamState.DEGRADED)
                    : UpstreamState.DOWN;
            case UP -> impairedWithin(history, Math.min(policy.window(), roundsInState)) >= policy.degradeAfter()
                    ? UpstreamState.DEGRADED
                    : UpstreamState.UP;
            case DEGRADED -> trailing(history, RoundOutcome.OK) >= policy.upAfter()
                    ? UpstreamState.UP
                    : UpstreamState.DEGRADED;
        };
    }

    private static int trailing(String history, RoundOutcome outcome) {
        int count = 0;
        for (int i = history.length() - 1; i >= 0 && history.charAt(i) == outcome.code(); i--) {
            count++;
        }
        return count;
    }

    private static int trailingAnswered(String history) {
        int count = 0;
        for (int i = history.length() - 1; i >= 0 && RoundOutcome.ofCode(history.charAt(i)).answered(); i--) {
            count++;
        }
        return count;
    }

    private static int impairedWithin(String history, int latest) {
        int count = 0;
        for (int i = Math.max(0, history.length() - latest); i < history.length(); i++) {
            if (RoundOutcome.ofCode(history.charAt(i)).impaired()) {
                count++;
            }
        }
        return count;
    }
}
