package fr.relais.continuity.health;

import java.time.Instant;

import fr.relais.spi.health.UpstreamState;

/** A change of state, with the round outcome that caused it. */
public record Transition(UpstreamState from, UpstreamState to, Instant at, RoundOutcome cause) {
}
