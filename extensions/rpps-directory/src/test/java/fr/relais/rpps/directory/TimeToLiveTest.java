package fr.relais.rpps.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class TimeToLiveTest {

    private static final long NOW = 1_800_000_000_000L;
    private final TimeToLive fiveMinutes = TimeToLive.of(Duration.ofMinutes(5), 10);

    @Test
    void anAnswerIsLiveUntilItsExpiry() {
        long expiry = fiveMinutes.expiryFrom(NOW);

        assertThat(fiveMinutes.live(expiry, NOW)).isTrue();
        assertThat(fiveMinutes.live(expiry, NOW + 299_999)).isTrue();
        assertThat(fiveMinutes.live(expiry, NOW + 300_000)).isFalse();
    }

    @Test
    void anAnswerExpiringFurtherAheadThanTheTimeToLiveIsNotLive() {
        // Read at NOW, then the wall clock went back one millisecond.
        assertThat(fiveMinutes.live(fiveMinutes.expiryFrom(NOW), NOW - 1)).isFalse();
    }

    @Test
    void zeroTurnsCachingOff() {
        TimeToLive off = TimeToLive.of(Duration.ZERO, 1);

        assertThat(off.enabled()).isFalse();
        assertThat(off.live(off.expiryFrom(NOW), NOW)).isFalse();
        assertThat(fiveMinutes.enabled()).isTrue();
    }

    @Test
    void aNegativeTimeToLiveOrNoRoomIsAConfigurationError() {
        assertThatThrownBy(() -> TimeToLive.of(Duration.ofSeconds(-1), 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeToLive.of(Duration.ofSeconds(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
