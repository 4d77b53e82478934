package fr.relais.psc.keycloak;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** Registers {@link PscProfessionalLinkAuthenticator} for first-broker-login flows. */
public final class PscProfessionalLinkAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "relais-psc-link-professional";
    private static final PscProfessionalLinkAuthenticator SINGLETON = new PscProfessionalLinkAuthenticator();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Relais - link PSC login to the professional's account";
    }

    @Override
    public String getReferenceCategory() {
        return "relais-psc";
    }

    @Override
    public String getHelpText() {
        return "For a first-broker-login flow: finds the account whose idNat_PS is the PSC SubjectNameID (through the "
                + "professional directory) and links the PSC identity to it silently. Refuses with an explanation "
                + "when the directory has no such professional; never creates a duplicate account.";
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {
                AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED};
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
        return SINGLETON;
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
