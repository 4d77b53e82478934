package fr.relais.spi.directory;

import org.keycloak.provider.ProviderFactory;

public interface ProfessionalDirectoryFactory extends ProviderFactory<ProfessionalDirectory> {
}
