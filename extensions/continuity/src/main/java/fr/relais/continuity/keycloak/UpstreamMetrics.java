package fr.relais.continuity.keycloak;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

import fr.relais.continuity.health.UpstreamBoard;
import fr.relais.continuity.health.UpstreamStatus;
import fr.relais.spi.health.Upstream;
import fr.relais.spi.health.UpstreamState;

/**
 * Upstream states on Keycloak's {@code /metrics} (management port, with {@code metrics-enabled}),
 * through Micrometer's global registry: the registry Keycloak's own user-event metrics use, which
 * Quarkus feeds into its Prometheus endpoint.
 * <ul>
 *   <li>{@code relais_upstream_state{upstream,state}}: 1 for the current state, 0 for the others,
 *       so an alert reads {@code relais_upstream_state{upstream="pro_sante_connect",state="down"} == 1};</li>
 *   <li>{@code relais_upstream_last_round_age_seconds{upstream}}: how old the last recorded round is,
 *       to notice probes that stopped (NaN before the first round).</li>
 * </ul>
 */
final class UpstreamMetrics {

    private UpstreamMetrics() {
    }

    static void register(UpstreamBoard board) {
        MeterRegistry registry = Metrics.globalRegistry;
        for (Upstream upstream : Upstream.values()) {
            String tag = upstream.name().toLowerCase(Locale.ROOT);
            for (UpstreamState state : UpstreamState.values()) {
                Gauge.builder("relais.upstream.state", board, b -> b.get(upstream).state() == state ? 1 : 0)
                        .description("1 when the upstream is in this state, 0 otherwise")
                        .tag("upstream", tag)
                        .tag("state", state.name().toLowerCase(Locale.ROOT))
                        .strongReference(true)
                        .register(registry);
            }
            Gauge.builder("relais.upstream.last.round.age.seconds", board, b -> ageSeconds(b.get(upstream)))
                    .description("Seconds since the last probe round of this upstream was recorded by any node")
                    .tag("upstream", tag)
                    .strongReference(true)
                    .register(registry);
        }
    }

    private static double ageSeconds(UpstreamStatus status) {
        if (status.lastRoundAt() == null) {
            return Double.NaN;
        }
        return Duration.between(status.lastRoundAt(), Instant.now()).toMillis() / 1000.0;
    }
}
