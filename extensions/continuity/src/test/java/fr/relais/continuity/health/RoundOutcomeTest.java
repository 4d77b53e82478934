package fr.relais.continuity.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class RoundOutcomeTest {

    private static final long SLOW = 600;

    private static ProbeResult ok(long millis) {
        return ProbeResult.answered("https://psc.test/a", 200, millis);
    }

    @Test
    void nothingToProbeIsNotMonitored() {
        assertThat(RoundOutcome.classify(List.of(), SLOW)).isEqualTo(RoundOutcome.NOT_MONITORED);
    }

    @Test
    void everyAddressAnsweringQuicklyIsOk() {
        assertThat(RoundOutcome.classify(List.of(ok(10), ok(600)), SLOW)).isEqualTo(RoundOutcome.OK);
    }

    @Test
    void oneSlowAnswerMakesTheRoundSlow() {
        assertThat(RoundOutcome.classify(List.of(ok(10), ok(601)), SLOW)).isEqualTo(RoundOutcome.SLOW);
    }

    @Test
    void someAddressesFailingIsPartial() {
        assertThat(RoundOutcome.classify(List.of(ok(10), ProbeResult.unanswered("https://psc.test/b", 1000, "timeout")), SLOW))
                .isEqualTo(RoundOutcome.PARTIAL);
    }

    @Test
    void httpErrorsCountAsFailures() {
        ProbeResult error = ProbeResult.answered("https://psc.test/a", 500, 5);
        assertThat(error.ok()).isFalse();
        assertThat(error.error()).isEqualTo("HTTP 500");
        assertThat(RoundOutcome.classify(List.of(error, ProbeResult.answered("https://psc.test/b", 404, 5)), SLOW))
                .isEqualTo(RoundOutcome.FAILED);
        assertThat(ProbeResult.answered("https://psc.test/a", 302, 5).ok()).as("a redirect is an answer").isTrue();
    }

    @Test
    void codesRoundTrip() {
        for (RoundOutcome outcome : RoundOutcome.values()) {
            assertThat(RoundOutcome.ofCode(outcome.code())).isEqualTo(outcome);
        }
        assertThatThrownBy(() -> RoundOutcome.ofCode('x')).isInstanceOf(IllegalArgumentException.class);
    }
}
