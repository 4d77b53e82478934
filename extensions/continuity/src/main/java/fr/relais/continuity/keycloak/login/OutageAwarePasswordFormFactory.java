package fr.relais.continuity.keycloak.login;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordFormFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Keycloak's username and password form (same settings, same behaviour) that leaves out the
 * identity providers known to be unreachable. Use it in place of {@code auth-username-password-form}.
 */
public final class OutageAwarePasswordFormFactory extends UsernamePasswordFormFactory {

    public static final String PROVIDER_ID = "relais-username-password-form";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Relais - username password form (outage-aware)";
    }

    @Override
    public String getHelpText() {
        return "Keycloak's username and password form. While the upstream health probes find Pro Santé Connect down, "
                + "the page does not offer the Pro Santé Connect button and explains, in the relais login theme, which "
                + "means still work (CPS card, security key or one-time code). Decided from the probes' last state: "
                + "the page never waits on the network.";
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new OutageAwarePasswordForm(session);
    }
}
