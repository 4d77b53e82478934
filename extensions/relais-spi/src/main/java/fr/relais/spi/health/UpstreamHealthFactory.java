package fr.relais.spi.health;

import org.keycloak.provider.ProviderFactory;

public interface UpstreamHealthFactory extends ProviderFactory<UpstreamHealth> {
}
