package fr.relais.spi.health;

public enum UpstreamState {
    /** No probe has answered yet: callers must not treat this as "up". */
    UNKNOWN,
    UP,
    DEGRADED,
    DOWN
}
