package fr.relais.continuity.keycloak;

import java.time.Instant;
import java.util.Optional;

import fr.relais.continuity.health.UpstreamBoard;
import fr.relais.spi.health.Upstream;
import fr.relais.spi.health.UpstreamHealth;
import fr.relais.spi.health.UpstreamState;

/** Answers from this node's memory of the shared state: no I/O, no lock, safe on every login page. */
final class ProbedUpstreamHealth implements UpstreamHealth {

    private final UpstreamBoard board;

    ProbedUpstreamHealth(UpstreamBoard board) {
        this.board = board;
    }

    @Override
    public UpstreamState state(Upstream upstream) {
        return board.get(upstream).state();
    }

    @Override
    public Optional<Instant> since(Upstream upstream) {
        return Optional.ofNullable(board.get(upstream).since());
    }
}
