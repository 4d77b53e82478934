package fr.relais.psc.keycloak;

import java.util.List;

import org.keycloak.broker.provider.AbstractIdentityProviderMapper;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * What every Relais mapper of the PSC identity provider shares: it applies to {@code relais-psc} only,
 * with the settings its subclass declares, in FORCE (the shipped realm's) or LEGACY synchronisation.
 *
 * <p>Not in IMPORT: Keycloak then runs a mapper only for an account it creates at the first broker login,
 * and Relais never creates one there (its first-login flow links the account of the professional's
 * idNat_PS), so an IMPORT mapper would never act; Keycloak logs a warning naming the mapper instead.
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
        return syncMode != IdentityProviderSyncMode.IMPORT;
    }
}
