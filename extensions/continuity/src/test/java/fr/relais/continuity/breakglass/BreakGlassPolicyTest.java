package fr.relais.continuity.breakglass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import fr.relais.continuity.breakglass.BreakGlassPolicy.Decision;
import fr.relais.continuity.breakglass.BreakGlassPolicy.Refusal;
import fr.relais.continuity.breakglass.BreakGlassPolicy.Request;

class BreakGlassPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-30T22:15:00Z");
    private static final String REASON = "Carte CPS oubliée, panne internet, garde de nuit";
    private final BreakGlassPolicy policy = BreakGlassPolicy.DEFAULT;

    private static Request request(Duration duration) {
        return new Request("admin-1", "nurse-7", duration, REASON, true, false);
    }

    @Test
    void anAdministratorGrantsABoundedAccess() {
        Decision decision = policy.decide(request(Duration.ofHours(12)), NOW);
        assertThat(decision.approved()).isTrue();
        assertThat(decision.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(12)));
    }

    @Test
    void withoutADurationTheDefaultApplies() {
        Decision decision = policy.decide(request(null), NOW);
        assertThat(decision.duration()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void twentyFourHoursIsTheCeiling() {
        assertThat(policy.decide(request(Duration.ofHours(24)), NOW).approved()).isTrue();
        assertThat(policy.decide(request(Duration.ofHours(24).plusMinutes(1)), NOW).refusal()).isEqualTo(Refusal.DURATION_TOO_LONG);
        assertThatThrownBy(() -> new BreakGlassPolicy(Duration.ofHours(25), Duration.ofHours(8), 5, 10))
                .as("RIE v2 EXI RIE-PS 16: not configurable upwards").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLowerCeilingIsHonoured() {
        BreakGlassPolicy shift = new BreakGlassPolicy(Duration.ofHours(4), Duration.ofHours(2), 5, 10);
        assertThat(shift.decide(request(Duration.ofHours(5)), NOW).refusal()).isEqualTo(Refusal.DURATION_TOO_LONG);
        assertThatThrownBy(() -> new BreakGlassPolicy(Duration.ofHours(4), Duration.ofHours(8), 5, 10))
                .as("the default cannot exceed the ceiling").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverSelfService() {
        assertThat(policy.decide(new Request("nurse-7", "nurse-7", Duration.ofHours(1), REASON, true, false), NOW).refusal())
                .isEqualTo(Refusal.SELF_SERVICE);
        assertThat(policy.decide(new Request(null, "nurse-7", Duration.ofHours(1), REASON, true, false), NOW).refusal())
                .as("no identified administrator, no access").isEqualTo(Refusal.SELF_SERVICE);
    }

    @Test
    void aReasonIsRequired() {
        assertThat(policy.decide(new Request("admin-1", "nurse-7", null, "  ", true, false), NOW).refusal()).isEqualTo(Refusal.REASON_MISSING);
        assertThat(policy.decide(new Request("admin-1", "nurse-7", null, "urgence", true, false), NOW).refusal())
                .as("shorter than 10 characters").isEqualTo(Refusal.REASON_MISSING);
        assertThat(policy.decide(new Request("admin-1", "nurse-7", null, null, true, false), NOW).refusal()).isEqualTo(Refusal.REASON_MISSING);
    }

    @Test
    void durationsMustBePositive() {
        assertThat(policy.decide(request(Duration.ZERO), NOW).refusal()).isEqualTo(Refusal.DURATION_NOT_POSITIVE);
        assertThat(policy.decide(request(Duration.ofMinutes(-5)), NOW).refusal()).isEqualTo(Refusal.DURATION_NOT_POSITIVE);
    }

    @Test
    void disabledAccountsAndSecondGrantsAreRefused() {
        assertThat(policy.decide(new Request("admin-1", "nurse-7", null, REASON, false, false), NOW).refusal()).isEqualTo(Refusal.USER_DISABLED);
        assertThat(policy.decide(new Request("admin-1", "nurse-7", null, REASON, true, true), NOW).refusal()).isEqualTo(Refusal.ALREADY_ACTIVE);
    }

    @Test
    void invalidPoliciesAreRefused() {
        assertThatThrownBy(() -> new BreakGlassPolicy(Duration.ZERO, Duration.ZERO, 5, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BreakGlassPolicy(Duration.ofHours(24), Duration.ofHours(8), 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BreakGlassPolicy(Duration.ofHours(24), Duration.ofHours(8), 5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
