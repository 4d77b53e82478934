package fr.relais.spi.health;

import org.keycloak.provider.Provider;

/**
 * "Is this upstream reachable now?" Answered from state that background probes keep, so that a login
 * never waits on a network timeout to decide what to offer.
 */
public interface UpstreamHealth extends Provider {

    UpstreamState state(Upstream upstream);

    @Override
    default void close() {
    }
}
