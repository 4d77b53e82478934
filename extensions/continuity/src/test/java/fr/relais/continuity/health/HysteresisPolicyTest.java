package fr.relais.continuity.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HysteresisPolicyTest {

    @Test
    void defaultsNeverTurnOneLostProbeIntoAChange() {
        assertThat(HysteresisPolicy.DEFAULT.downAfter()).isGreaterThan(1);
        assertThat(HysteresisPolicy.DEFAULT.degradeAfter()).isGreaterThan(1);
        assertThat(HysteresisPolicy.DEFAULT.historyLength()).isEqualTo(5);
    }

    @Test
    void refusesCountsOutsideTheStoredHistory() {
        assertThatThrownBy(() -> new HysteresisPolicy(0, 3, 2, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HysteresisPolicy(2, 21, 2, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HysteresisPolicy(2, 3, 6, 5)).hasMessageContaining("degradeAfter");
    }

    @Test
    void historyCoversTheLongestRule() {
        assertThat(new HysteresisPolicy(7, 3, 2, 5).historyLength()).isEqualTo(7);
        assertThat(new HysteresisPolicy(2, 9, 2, 5).historyLength()).isEqualTo(9);
    }

    @Test
    void memoryRefusesUnknownHistoryCodes() {
        assertThatThrownBy(() -> new HealthMemory(fr.relais.spi.health.UpstreamState.UP, null, "OX", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
