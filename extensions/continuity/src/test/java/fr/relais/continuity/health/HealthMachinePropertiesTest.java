package fr.relais.continuity.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import fr.relais.spi.health.UpstreamState;

/**
 * Every sequence of round outcomes up to a length, for several policies, checked against the rules
 * the operators are promised (see {@link HealthMachine}). A counter-example names its sequence.
 */
class HealthMachinePropertiesTest {

    private static final RoundOutcome[] ANSWERS = {RoundOutcome.OK, RoundOutcome.SLOW, RoundOutcome.PARTIAL, RoundOutcome.FAILED};
    private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");

    static List<HysteresisPolicy> policies() {
        return List.of(HysteresisPolicy.DEFAULT, new HysteresisPolicy(1, 1, 1, 1), new HysteresisPolicy(3, 2, 3, 6),
                new HysteresisPolicy(2, 4, 2, 3));
    }

    @ParameterizedTest
    @MethodSource("policies")
    void everySequenceKeepsThePromises(HysteresisPolicy policy) {
        int length = policy.equals(HysteresisPolicy.DEFAULT) ? 9 : 7;
        int[] checked = {0};
        explore(new HealthMachine(policy), policy, HealthMemory.INITIAL, new ArrayList<>(), new ArrayList<>(), length, checked);
        assertThat(checked[0]).isGreaterThan(1000);
    }

    private void explore(HealthMachine machine, HysteresisPolicy policy, HealthMemory memory, List<RoundOutcome> outcomes,
                         List<UpstreamState> states, int remaining, int[] checked) {
        if (remaining == 0) {
            return;
        }
        for (RoundOutcome outcome : ANSWERS) {
            outcomes.add(outcome);
            HealthMachine.Step step = machine.next(memory, outcome, T0.plusSeconds(outcomes.size()));
            check(policy, memory, step, outcomes, states);
            checked[0]++;
            states.add(step.memory().state());
            explore(machine, policy, step.memory(), outcomes, states, remaining - 1, checked);
            states.remove(states.size() - 1);
            outcomes.remove(outcomes.size() - 1);
        }
    }

    private static void check(HysteresisPolicy policy, HealthMemory before, HealthMachine.Step step, List<RoundOutcome> outcomes,
                              List<UpstreamState> statesBefore) {
        UpstreamState from = before.state();
        UpstreamState to = step.memory().state();
        String trace = outcomes.toString() + " " + policy;
        RoundOutcome last = outcomes.get(outcomes.size() - 1);

        // A transition is reported exactly when the state changes, with the time of the round.
        assertThat(step.transition().isPresent()).as(trace).isEqualTo(from != to);
        step.transition().ifPresent(t -> {
            assertThat(t.from()).as(trace).isEqualTo(from);
            assertThat(t.to()).as(trace).isEqualTo(to);
            assertThat(step.memory().since()).as(trace).isEqualTo(t.at());
            assertThat(step.memory().roundsInState()).as(trace).isZero();
        });
        if (from == to && before.since() != null) {
            assertThat(step.memory().since()).as(trace).isEqualTo(before.since());
        }
        assertThat(step.memory().history().length()).as(trace).isLessThanOrEqualTo(policy.historyLength());

        // DOWN as soon as the latest downAfter rounds got no answer at all, and never otherwise.
        boolean silentTail = tailAll(outcomes, policy.downAfter(), o -> o == RoundOutcome.FAILED);
        if (silentTail) {
            assertThat(to).as(trace).isEqualTo(UpstreamState.DOWN);
        }
        if (to == UpstreamState.DOWN && from != UpstreamState.DOWN) {
            assertThat(silentTail).as(trace).isTrue();
        }

        // Leaving DOWN takes upAfter answered rounds in a row; UP only if they were all clean.
        if (from == UpstreamState.DOWN && to != UpstreamState.DOWN) {
            assertThat(tailAll(outcomes, policy.upAfter(), RoundOutcome::answered)).as(trace).isTrue();
            assertThat(to == UpstreamState.UP).as(trace).isEqualTo(tailAll(outcomes, policy.upAfter(), o -> o == RoundOutcome.OK));
        }
        // Back to UP from DEGRADED takes upAfter clean rounds in a row.
        if (from == UpstreamState.DEGRADED && to == UpstreamState.UP) {
            assertThat(tailAll(outcomes, policy.upAfter(), o -> o == RoundOutcome.OK)).as(trace).isTrue();
        }
        // A clean round never makes things worse; a silent one never makes them better.
        if (last == RoundOutcome.OK) {
            if (from != UpstreamState.DOWN) {
                assertThat(to).as(trace).isNotEqualTo(UpstreamState.DOWN);
            }
            if (from == UpstreamState.UP) {
                assertThat(to).as(trace).isEqualTo(UpstreamState.UP);
            }
        }
        if (last == RoundOutcome.FAILED && from != UpstreamState.UP) {
            assertThat(to).as(trace).isNotEqualTo(UpstreamState.UP);
        }
        if (last == RoundOutcome.FAILED && from == UpstreamState.DEGRADED) {
            assertThat(to).as(trace).isIn(UpstreamState.DEGRADED, UpstreamState.DOWN);
        }
        // UP turns DEGRADED only with degradeAfter impaired rounds since it became UP: one lost packet
        // (or one slow answer) never does it when degradeAfter is above one.
        if (from == UpstreamState.UP && to == UpstreamState.DEGRADED) {
            int sinceUp = roundsSinceEntering(statesBefore, UpstreamState.UP);
            List<RoundOutcome> inUp = outcomes.subList(outcomes.size() - sinceUp - 1, outcomes.size());
            long impaired = inUp.stream().filter(RoundOutcome::impaired).count();
            assertThat(impaired).as(trace).isGreaterThanOrEqualTo(policy.degradeAfter());
        }
        // Nothing was known: the first answer decides, a single silence does not.
        if (from == UpstreamState.UNKNOWN) {
            if (last == RoundOutcome.OK) {
                assertThat(to).as(trace).isEqualTo(UpstreamState.UP);
            } else if (last.answered()) {
                assertThat(to).as(trace).isEqualTo(UpstreamState.DEGRADED);
            }
        }
        assertThat(to).as(trace).isNotNull();
    }

    /** Rounds spent in the current state before this one, from the list of states after each round. */
    private static int roundsSinceEntering(List<UpstreamState> statesBefore, UpstreamState state) {
        int count = 0;
        for (int i = statesBefore.size() - 1; i >= 0 && statesBefore.get(i) == state; i--) {
            count++;
        }
        return count - 1;
    }

    private static boolean tailAll(List<RoundOutcome> outcomes, int n, java.util.function.Predicate<RoundOutcome> test) {
        if (outcomes.size() < n) {
            return false;
        }
        return outcomes.subList(outcomes.size() - n, outcomes.size()).stream().allMatch(test);
    }
}
