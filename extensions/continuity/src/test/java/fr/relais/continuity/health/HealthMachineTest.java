package fr.relais.continuity.health;

import static fr.relais.continuity.health.RoundOutcome.FAILED;
import static fr.relais.continuity.health.RoundOutcome.NOT_MONITORED;
import static fr.relais.continuity.health.RoundOutcome.OK;
import static fr.relais.continuity.health.RoundOutcome.PARTIAL;
import static fr.relais.continuity.health.RoundOutcome.SLOW;
import static fr.relais.spi.health.UpstreamState.DEGRADED;
import static fr.relais.spi.health.UpstreamState.DOWN;
import static fr.relais.spi.health.UpstreamState.UNKNOWN;
import static fr.relais.spi.health.UpstreamState.UP;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.relais.spi.health.UpstreamState;

class HealthMachineTest {

    private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");
    private final HealthMachine machine = new HealthMachine(HysteresisPolicy.DEFAULT);

    /** Replays outcomes from the initial memory, one round per second. */
    private static List<HealthMachine.Step> run(HealthMachine machine, RoundOutcome... outcomes) {
        List<HealthMachine.Step> steps = new ArrayList<>();
        HealthMemory memory = HealthMemory.INITIAL;
        for (int i = 0; i < outcomes.length; i++) {
            HealthMachine.Step step = machine.next(memory, outcomes[i], T0.plusSeconds(i));
            steps.add(step);
            memory = step.memory();
        }
        return steps;
    }

    private UpstreamState finalState(RoundOutcome... outcomes) {
        List<HealthMachine.Step> steps = run(machine, outcomes);
        return steps.get(steps.size() - 1).memory().state();
    }

    @Test
    void theFirstAnswerDecidesWhenNothingWasKnown() {
        assertThat(finalState(OK)).isEqualTo(UP);
        assertThat(finalState(SLOW)).isEqualTo(DEGRADED);
        assertThat(finalState(PARTIAL)).isEqualTo(DEGRADED);
        assertThat(finalState(FAILED)).as("one failure is not enough to say DOWN").isEqualTo(UNKNOWN);
        assertThat(finalState(FAILED, FAILED)).isEqualTo(DOWN);
    }

    @Test
    void oneLostProbeDoesNotFlipUp() {
        assertThat(finalState(OK, FAILED)).isEqualTo(UP);
        assertThat(finalState(OK, OK, OK, FAILED, OK, OK, OK, OK, OK, FAILED, OK)).isEqualTo(UP);
        assertThat(run(machine, OK, FAILED, OK).stream().filter(s -> s.transition().isPresent()).count())
                .as("only UNKNOWN -> UP").isEqualTo(1);
    }

    @Test
    void twoRoundsWithoutAnswerMakeItDown() {
        List<HealthMachine.Step> steps = run(machine, OK, OK, FAILED, FAILED);
        assertThat(steps.get(3).memory().state()).isEqualTo(DOWN);
        Transition t = steps.get(3).transition().orElseThrow();
        assertThat(t.from()).isEqualTo(UP);
        assertThat(t.to()).isEqualTo(DOWN);
        assertThat(t.cause()).isEqualTo(FAILED);
        assertThat(t.at()).isEqualTo(T0.plusSeconds(3));
    }

    @Test
    void recoveryTakesThreeCleanRounds() {
        assertThat(finalState(FAILED, FAILED, OK)).isEqualTo(DOWN);
        assertThat(finalState(FAILED, FAILED, OK, OK)).isEqualTo(DOWN);
        assertThat(finalState(FAILED, FAILED, OK, OK, OK)).isEqualTo(UP);
        assertThat(finalState(FAILED, FAILED, OK, FAILED, OK, OK)).as("a failure restarts the count").isEqualTo(DOWN);
    }

    @Test
    void answersThatAreSlowOrPartialBringItBackOnlyToDegraded() {
        assertThat(finalState(FAILED, FAILED, SLOW, OK, OK)).isEqualTo(DEGRADED);
        assertThat(finalState(FAILED, FAILED, PARTIAL, PARTIAL, PARTIAL)).isEqualTo(DEGRADED);
        assertThat(finalState(FAILED, FAILED, SLOW, OK, OK, OK)).as("then UP after three clean rounds").isEqualTo(UP);
    }

    @Test
    void repeatedLossDegradesEvenWithoutTwoInARow() {
        assertThat(finalState(OK, FAILED, OK, FAILED)).isEqualTo(DEGRADED);
        assertThat(finalState(OK, FAILED, OK, OK, OK, OK, OK, FAILED)).as("far apart: two lost packets in a day are noise")
                .isEqualTo(UP);
    }

    @Test
    void slowOrPartialAnswersDegradeButNeverMakeItDown() {
        assertThat(finalState(OK, SLOW)).isEqualTo(UP);
        assertThat(finalState(OK, SLOW, SLOW)).isEqualTo(DEGRADED);
        assertThat(finalState(OK, PARTIAL, PARTIAL, PARTIAL, PARTIAL, PARTIAL, PARTIAL)).isEqualTo(DEGRADED);
        assertThat(finalState(OK, SLOW, SLOW, OK, OK, OK)).isEqualTo(UP);
    }

    @Test
    void degradedGoesDownOnlyAfterConsecutiveSilence() {
        assertThat(finalState(OK, SLOW, SLOW, FAILED)).isEqualTo(DEGRADED);
        assertThat(finalState(OK, SLOW, SLOW, FAILED, FAILED)).isEqualTo(DOWN);
    }

    @Test
    void anUpstreamWithNothingToProbeIsUnknown() {
        List<HealthMachine.Step> steps = run(machine, OK, FAILED, NOT_MONITORED);
        HealthMachine.Step last = steps.get(2);
        assertThat(last.memory().state()).isEqualTo(UNKNOWN);
        assertThat(last.memory().history()).isEmpty();
        assertThat(last.transition().orElseThrow().from()).isEqualTo(UP);
        assertThat(finalState(NOT_MONITORED, NOT_MONITORED)).isEqualTo(UNKNOWN);
        assertThat(run(machine, NOT_MONITORED, NOT_MONITORED).stream().allMatch(s -> s.transition().isEmpty())).isTrue();
    }

    @Test
    void sinceMovesOnlyOnTransitions() {
        List<HealthMachine.Step> steps = run(machine, OK, FAILED, OK, OK, OK, OK, OK, FAILED, FAILED);
        assertThat(steps.get(0).memory().since()).isEqualTo(T0);
        assertThat(steps.get(7).memory().since()).as("still UP since the first round").isEqualTo(T0);
        assertThat(steps.get(8).memory().state()).isEqualTo(DOWN);
        assertThat(steps.get(8).memory().since()).isEqualTo(T0.plusSeconds(8));
    }

    @Test
    void historyStaysWithinItsColumn() {
        RoundOutcome[] many = new RoundOutcome[100];
        java.util.Arrays.fill(many, OK);
        List<HealthMachine.Step> steps = run(machine, many);
        assertThat(steps.get(99).memory().history()).hasSize(HysteresisPolicy.DEFAULT.historyLength());
        assertThat(steps.get(99).memory().roundsInState()).isEqualTo(99);
    }

    @Test
    void aStoredMemoryIsContinuedAsIs() {
        // What a node reads from the database after another node's rounds.
        HealthMemory stored = new HealthMemory(UP, T0, "OOOOF", 10);
        HealthMachine.Step step = machine.next(stored, FAILED, T0.plusSeconds(60));
        assertThat(step.memory().state()).isEqualTo(DOWN);
        assertThat(step.memory().history()).isEqualTo("OOOFF");
    }
}
