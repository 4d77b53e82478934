package fr.relais.continuity.keycloak.login;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.IdentityProviderAuthenticator;

import fr.relais.continuity.keycloak.PscIdentityProviders;
import fr.relais.spi.health.Upstream;
import fr.relais.spi.health.UpstreamHealth;

/**
 * Keycloak's identity provider redirector ({@code kc_idp_hint} or a default provider), except that it
 * does not send the browser to a Pro Santé Connect known to be down: the flow goes on to the next
 * means, whose page explains the outage.
 */
final class OutageAwareRedirector extends IdentityProviderAuthenticator {

    private static final Logger LOG = Logger.getLogger(OutageAwareRedirector.class);

    @Override
    protected void redirect(AuthenticationFlowContext context, String providerId, String loginHint) {
        UpstreamHealth health = context.getSession().getProvider(UpstreamHealth.class);
        if (health != null && health.isKnownDown(Upstream.PRO_SANTE_CONNECT)
                && PscIdentityProviders.isPsc(context.getSession(), providerId)) {
            LOG.debugf("Pro Santé Connect injoignable : pas de redirection vers %s / PSC down, not redirecting to %s",
                    providerId, providerId);
            context.attempted();
            return;
        }
        super.redirect(context, providerId, loginHint);
    }
}
