package fr.relais.continuity.health;

import java.util.Map;
import java.util.stream.Collectors;

import fr.relais.spi.health.Upstream;
import fr.relais.spi.health.UpstreamState;

/**
 * The appliance runs in degraded mode while any upstream is known to be down or degraded; every
 * login then carries the states it was made under, for the after-outage report.
 */
public final class DegradedMode {

    private DegradedMode() {
    }

    public static boolean active(Map<Upstream, UpstreamState> states) {
        return states.values().stream().anyMatch(s -> s == UpstreamState.DOWN || s == UpstreamState.DEGRADED);
    }

    /** "PRO_SANTE_CONNECT=DOWN,CRL_SOURCES=UP,RPPS_SOURCE=UNKNOWN", in the enum's order. */
    public static String describe(Map<Upstream, UpstreamState> states) {
        return states.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().name() + "=" + e.getValue().name())
                .collect(Collectors.joining(","));
    }
}
