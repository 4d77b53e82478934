package fr.relais.continuity.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import fr.relais.continuity.session.EndedSessionWatch.Ended;

class EndedSessionWatchTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private final EndedSessionWatch watch = new EndedSessionWatch(Duration.ofMinutes(1));

    @Test
    void anEndedSessionIsLookedForUntilTheWindowIsOver() {
        watch.ended("relais", "s1", T0);
        assertThat(watch.toLookFor(T0)).containsExactly(new Ended("relais", "s1", T0));
        assertThat(watch.toLookFor(T0.plusSeconds(60))).extracting(Ended::sessionId).containsExactly("s1");
        assertThat(watch.toLookFor(T0.plusSeconds(61))).isEmpty();
        assertThat(watch.toLookFor(T0)).as("forgotten once over, not brought back by an earlier clock").isEmpty();
    }

    @Test
    void endingASessionAgainRestartsItsWindow() {
        watch.ended("relais", "s1", T0);
        watch.ended("relais", "s2", T0.plusSeconds(30));
        watch.ended("relais", "s1", T0.plusSeconds(45));
        assertThat(watch.toLookFor(T0.plusSeconds(90))).extracting(Ended::sessionId).containsExactlyInAnyOrder("s1", "s2");
        assertThat(watch.toLookFor(T0.plusSeconds(100))).extracting(Ended::sessionId).containsExactly("s1");
    }

    @Test
    void aWindowMustBePositive() {
        assertThatThrownBy(() -> new EndedSessionWatch(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
