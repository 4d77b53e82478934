package fr.relais.psc.keycloak;

import java.util.List;

import org.keycloak.broker.provider.AbstractIdentityProviderMapper;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * What every Relais mapper of the PSC identity provider shares: it applies to {@code relais-psc} only,
 * in every sync mode, with the settings its subclass declares.
 */
abstract class PscMapper extends AbstractIdentityProviderMapper {

    private final List<ProviderConfigProperty> config;

    PscMapper(List<ProviderConfigProperty> config) {
        this.config = config;
    }

    @Override
    public String[] getCompatibleProviders() {
        return new String[] {PscIdentityProviderFactory.PROVIDER_ID};
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return config;
    }

    @Override
    public boolean supportsSyncMode(IdentityProviderSyncMode syncMode) {
        return true;
    }
}
