package fr.relais.spi.health;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

public final class UpstreamHealthSpi implements Spi {

    public static final String NAME = "relais-upstream-health";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return UpstreamHealth.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return UpstreamHealthFactory.class;
    }
}
