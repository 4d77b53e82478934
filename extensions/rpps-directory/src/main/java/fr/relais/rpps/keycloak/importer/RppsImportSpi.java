package fr.relais.rpps.keycloak.importer;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The RPPS import as a Keycloak SPI: it gives the import's server options their place in Keycloak's
 * configuration ({@code spi-relais-rpps-import--default--…}) and lets the admin REST resource reach the
 * one import service of the node.
 */
public final class RppsImportSpi implements Spi {

    public static final String NAME = "relais-rpps-import";

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
        return RppsImport.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return RppsImportProviderFactory.class;
    }
}
