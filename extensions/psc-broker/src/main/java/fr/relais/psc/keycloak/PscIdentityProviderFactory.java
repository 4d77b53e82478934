package fr.relais.psc.keycloak;

import java.util.List;

import org.keycloak.broker.oidc.OIDCIdentityProviderFactory;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/** Registers "Pro Santé Connect" as an identity provider type ({@code relais-psc}). */
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

    @Override
    public String getHelpText() {
        return "Pro Santé Connect (e-CPS and CPS through the national service), linked to the professional's "
                + "existing account by idNat_PS.";
    }

    @Override
    public PscIdentityProvider create(KeycloakSession session, IdentityProviderModel model) {
        return new PscIdentityProvider(session, new PscIdentityProviderConfig(model));
    }

    @Override
    public PscIdentityProviderConfig createConfig() {
        return new PscIdentityProviderConfig();
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PscConfigProperties.ALL;
    }
}
