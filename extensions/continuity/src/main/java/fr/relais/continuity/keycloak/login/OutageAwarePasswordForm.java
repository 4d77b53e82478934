package fr.relais.continuity.keycloak.login;

import java.util.List;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;

import fr.relais.continuity.keycloak.PscIdentityProviders;
import fr.relais.spi.health.Upstream;
import fr.relais.spi.health.UpstreamHealth;

/**
 * Keycloak's username and password form, told which identity providers are known to be unreachable.
 * The login theme's {@code social-providers.ftl} leaves their buttons out and explains the outage
 * instead, so nobody is sent to a Pro Santé Connect that would hang. The state comes from the
 * background probes ({@link UpstreamHealth} answers from memory): rendering the page never waits on
 * the network.
 */
final class OutageAwarePasswordForm extends UsernamePasswordForm {

    /** Template attribute: aliases of the identity providers not to offer, present only during an outage. */
    static final String UNREACHABLE_PROVIDERS = "relaisUnreachableProviders";

    private final KeycloakSession session;

    OutageAwarePasswordForm(KeycloakSession session) {
        super(session);
        this.session = session;
    }

    /** The first display: Keycloak's own builds the page directly, so route it through {@link #createLoginForm}. */
    @Override
    protected Response challenge(AuthenticationFlowContext context, MultivaluedMap<String, String> formData) {
        LoginFormsProvider form = context.form();
        if (!formData.isEmpty()) {
            form.setFormData(formData);
        }
        return createLoginForm(form);
    }

    /** Every display, including after a wrong password. */
    @Override
    protected Response createLoginForm(LoginFormsProvider form) {
        UpstreamHealth health = session.getProvider(UpstreamHealth.class);
        if (health != null && health.isKnownDown(Upstream.PRO_SANTE_CONNECT)) {
            List<String> unreachable = PscIdentityProviders.enabledAliases(session);
            if (!unreachable.isEmpty()) {
                form.setAttribute(UNREACHABLE_PROVIDERS, unreachable);
            }
        }
        return super.createLoginForm(form);
    }
}
