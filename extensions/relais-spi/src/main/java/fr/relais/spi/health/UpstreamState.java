package fr.relais.spi.health;

public enum UpstreamState {
    /** Not monitored, or no probe has answered yet: callers must not treat this as "up" nor as "down". */
    UNKNOWN,
    /** Every probed address answers, quickly. */
    UP,
    /** Answers, but slowly or only in part (e.g. the keys but not the discovery document). */
    DEGRADED,
    /** Repeated probes got no answer at all. */
    DOWN
}
