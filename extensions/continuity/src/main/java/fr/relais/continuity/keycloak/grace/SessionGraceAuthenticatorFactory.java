package fr.relais.continuity.keycloak.grace;

import java.time.Clock;
import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** The browser-flow step that continues a session on grace (see {@link SessionGraceAuthenticator}). */
public final class SessionGraceAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "relais-session-grace";

    private final Authenticator authenticator = new SessionGraceAuthenticator(new SessionGraceStore(), Clock.systemUTC());

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Relais - cached-session grace (Pro Santé Connect outage)";
    }

    @Override
    public String getHelpText() {
        return "Continues, once, the session of a professional without any offline-capable means when it ended during a "
                + "Pro Santé Connect outage and was offered the grace. Place it as an ALTERNATIVE right after the cookie "
                + "authenticator, and add the relais-session-grace event listener to the realm. Inert unless the server "
                + "setting session-grace is true (off by default; an RIE reserve when on). The continued session "
                + "carries acr=session-grace and ends when PSC is back or the grace is over.";
    }

    @Override
    public String getReferenceCategory() {
        return "session-grace";
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
        return authenticator;
    }

    @Override
    public void init(Config.Scope scope) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
