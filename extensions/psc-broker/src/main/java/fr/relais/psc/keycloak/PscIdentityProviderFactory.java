package fr.relais.psc.keycloak;

import org.keycloak.broker.oidc.OIDCIdentityProviderFactory;

/**
 * Registers "Pro Santé Connect" as an identity provider type. Until the PSC specifics land it behaves
 * exactly as Keycloak's generic OpenID Connect broker and must be configured by hand like one.
 */
public final class PscIdentityProviderFactory extends OIDCIdentityProviderFactory {

    public static final String PROVIDER_ID = "relais-psc";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getName() {
        return "Pro Santé Connect";
    }
}
