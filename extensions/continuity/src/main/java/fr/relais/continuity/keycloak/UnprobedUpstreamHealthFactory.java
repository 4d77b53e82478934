package fr.relais.continuity.keycloak;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

import fr.relais.spi.health.UpstreamHealth;
import fr.relais.spi.health.UpstreamHealthFactory;
import fr.relais.spi.health.UpstreamState;

/**
 * Upstream health before any probe exists: every upstream is {@link UpstreamState#UNKNOWN}, which
 * callers must treat as "not known to be up" rather than guess.
 */
public final class UnprobedUpstreamHealthFactory implements UpstreamHealthFactory {

    public static final String PROVIDER_ID = "relais-unprobed-upstream-health";

    private static final UpstreamHealth UNPROBED = upstream -> UpstreamState.UNKNOWN;

    @Override
    public UpstreamHealth create(KeycloakSession session) {
        return UNPROBED;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
