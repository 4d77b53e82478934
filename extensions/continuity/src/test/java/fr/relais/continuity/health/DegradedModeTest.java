package fr.relais.continuity.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.relais.spi.health.Upstream;
import fr.relais.spi.health.UpstreamState;

class DegradedModeTest {

    private static Map<Upstream, UpstreamState> states(UpstreamState psc, UpstreamState crl, UpstreamState rpps) {
        Map<Upstream, UpstreamState> states = new EnumMap<>(Upstream.class);
        states.put(Upstream.RPPS_SOURCE, rpps);
        states.put(Upstream.PRO_SANTE_CONNECT, psc);
        states.put(Upstream.CRL_SOURCES, crl);
        return states;
    }

    @Test
    void anyUpstreamDownOrDegradedMeansDegradedMode() {
        assertThat(DegradedMode.active(states(UpstreamState.DOWN, UpstreamState.UP, UpstreamState.UNKNOWN))).isTrue();
        assertThat(DegradedMode.active(states(UpstreamState.UP, UpstreamState.DEGRADED, UpstreamState.UNKNOWN))).isTrue();
        assertThat(DegradedMode.active(states(UpstreamState.UP, UpstreamState.UP, UpstreamState.UNKNOWN))).isFalse();
    }

    @Test
    void theDescriptionListsEveryUpstreamInOrder() {
        assertThat(DegradedMode.describe(states(UpstreamState.DOWN, UpstreamState.UP, UpstreamState.UNKNOWN)))
                .isEqualTo("PRO_SANTE_CONNECT=DOWN,CRL_SOURCES=UP,RPPS_SOURCE=UNKNOWN");
    }
}
