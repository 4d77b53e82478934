package fr.relais.continuity.health;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands this node's {@link UpstreamBoard} to code that Keycloak does not create through its provider
 * factories (the Quarkus health check bean). The board is only a copy of the shared state in the
 * database; nothing here is the source of truth.
 */
public final class NodeBoards {

    private static final AtomicReference<UpstreamBoard> CURRENT = new AtomicReference<>();

    private NodeBoards() {
    }

    public static void publish(UpstreamBoard board) {
        CURRENT.set(board);
    }

    /** Empty before Keycloak has initialised the upstream health provider. */
    public static Optional<UpstreamBoard> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
