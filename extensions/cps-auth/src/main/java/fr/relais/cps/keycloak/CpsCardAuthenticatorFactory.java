package fr.relais.cps.keycloak;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

public final class CpsCardAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "relais-cps-card";

    private static final CpsCardAuthenticator INSTANCE = new CpsCardAuthenticator();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Relais - CPS card (not implemented yet)";
    }

    @Override
    public String getHelpText() {
        return "Placeholder for CPS/CPx card login over mutual TLS. It never signs anyone in: it always "
                + "hands over to the next alternative of the flow.";
    }

    @Override
    public String getReferenceCategory() {
        return "cps-card";
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.ALTERNATIVE, Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return INSTANCE;
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
