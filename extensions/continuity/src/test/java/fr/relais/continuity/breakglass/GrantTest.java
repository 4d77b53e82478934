package fr.relais.continuity.breakglass;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class GrantTest {

    private static final Instant CREATED = Instant.parse("2026-11-30T22:00:00Z");
    private static final Instant EXPIRES = CREATED.plus(Duration.ofHours(8));
    private final BreakGlassPolicy policy = BreakGlassPolicy.DEFAULT;

    @Test
    void activeUntilItsEndExclusive() {
        Grant grant = new Grant(CREATED, EXPIRES, null, 0);
        assertThat(grant.status(CREATED, policy)).isEqualTo(GrantStatus.ACTIVE);
        assertThat(grant.status(EXPIRES.minusMillis(1), policy)).isEqualTo(GrantStatus.ACTIVE);
        assertThat(grant.status(EXPIRES, policy)).isEqualTo(GrantStatus.EXPIRED);
        assertThat(grant.status(EXPIRES.plusSeconds(3600), policy)).isEqualTo(GrantStatus.EXPIRED);
    }

    @Test
    void revocationWinsOverEverything() {
        Grant grant = new Grant(CREATED, EXPIRES, CREATED.plusSeconds(60), 9);
        assertThat(grant.status(CREATED.plusSeconds(120), policy)).isEqualTo(GrantStatus.REVOKED);
        assertThat(grant.endedAt()).isEqualTo(CREATED.plusSeconds(60));
    }

    @Test
    void tooManyWrongCodesLockIt() {
        assertThat(new Grant(CREATED, EXPIRES, null, 4).status(CREATED, policy)).isEqualTo(GrantStatus.ACTIVE);
        assertThat(new Grant(CREATED, EXPIRES, null, 5).status(CREATED, policy)).isEqualTo(GrantStatus.LOCKED);
    }

    @Test
    void remainingTimeNeverGoesNegative() {
        Grant grant = new Grant(CREATED, EXPIRES, null, 0);
        assertThat(grant.remaining(CREATED)).isEqualTo(Duration.ofHours(8));
        assertThat(grant.remaining(EXPIRES.plusSeconds(5))).isZero();
        assertThat(grant.endedAt()).isEqualTo(EXPIRES);
    }
}
