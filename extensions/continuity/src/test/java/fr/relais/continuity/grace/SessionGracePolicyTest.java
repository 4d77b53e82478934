package fr.relais.continuity.grace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import fr.relais.continuity.grace.SessionGracePolicy.Refusal;
import fr.relais.continuity.grace.SessionGracePolicy.Session;

class SessionGracePolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-30T14:00:00Z");
    private static final Instant ENDS_SOON = NOW.plus(Duration.ofMinutes(10));
    private final SessionGracePolicy enabled = new SessionGracePolicy(true, Duration.ofHours(1), Duration.ofMinutes(15));

    @Test
    void offByDefault() {
        assertThat(SessionGracePolicy.DISABLED.enabled()).isFalse();
        assertThat(SessionGracePolicy.DISABLED.decide(new Session(true, false, false, ENDS_SOON), NOW).refusal())
                .isEqualTo(Refusal.DISABLED);
    }

    @Test
    void extendsOnceASessionWithoutOfflineMeansDuringAPscOutage() {
        SessionGracePolicy.Decision decision = enabled.decide(new Session(true, false, false, ENDS_SOON), NOW);
        assertThat(decision.granted()).isTrue();
        assertThat(decision.until()).isEqualTo(ENDS_SOON.plus(Duration.ofHours(1)));
    }

    @Test
    void onlyWhenPscIsKnownDown() {
        assertThat(enabled.decide(new Session(false, false, false, ENDS_SOON), NOW).refusal()).isEqualTo(Refusal.PSC_NOT_DOWN);
    }

    @Test
    void notForSomeoneWhoCanSignInAgainOffline() {
        assertThat(enabled.decide(new Session(true, true, false, ENDS_SOON), NOW).refusal()).isEqualTo(Refusal.HAS_OFFLINE_MEANS);
    }

    @Test
    void onlyOnce() {
        assertThat(enabled.decide(new Session(true, false, true, ENDS_SOON), NOW).refusal()).isEqualTo(Refusal.ALREADY_EXTENDED);
    }

    @Test
    void onlyForSessionsAboutToEnd() {
        assertThat(enabled.decide(new Session(true, false, false, NOW.plus(Duration.ofMinutes(16))), NOW).refusal())
                .isEqualTo(Refusal.NOT_ENDING_SOON);
        assertThat(enabled.decide(new Session(true, false, false, NOW.plus(Duration.ofMinutes(15))), NOW).granted()).isTrue();
        assertThat(enabled.decide(new Session(true, false, false, NOW), NOW).refusal()).isEqualTo(Refusal.ALREADY_ENDED);
    }

    @Test
    void boundedToAnotherRieSessionAtMost() {
        assertThatThrownBy(() -> new SessionGracePolicy(true, Duration.ofHours(5), Duration.ofMinutes(15)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SessionGracePolicy(true, Duration.ZERO, Duration.ofMinutes(15)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SessionGracePolicy(true, Duration.ofHours(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void graceEndsWhenPscIsBack() {
        assertThat(enabled.graceEnds(false)).isTrue();
        assertThat(enabled.graceEnds(true)).isFalse();
    }
}
