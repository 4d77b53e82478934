package fr.relais.continuity.keycloak.login;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.IdentityProviderAuthenticatorFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Keycloak's identity provider redirector (same settings) that skips Pro Santé Connect while the
 * upstream health probes find it down. Use it in place of {@code identity-provider-redirector}.
 */
public final class OutageAwareRedirectorFactory extends IdentityProviderAuthenticatorFactory {

    public static final String PROVIDER_ID = "relais-idp-redirector";

    private static final Authenticator SINGLETON = new OutageAwareRedirector();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Relais - identity provider redirector (outage-aware)";
    }

    @Override
    public String getHelpText() {
        return "Keycloak's identity provider redirector (kc_idp_hint or default provider). While the upstream health probes "
                + "find Pro Santé Connect down, it does not redirect to a Pro Santé Connect provider, so the browser does not "
                + "hang on it: the flow goes on to the next means, whose login page explains the outage.";
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }
}
