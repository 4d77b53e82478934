package fr.relais.continuity.keycloak.login;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import fr.relais.spi.health.Upstream;
import fr.relais.spi.health.UpstreamHealth;

/**
 * True while the configured upstream is known to be down. Lets a conditional sub-flow apply rules
 * that hold only during an outage, from the background probes' state (no network call at login).
 */
final class UpstreamDownCondition implements ConditionalAuthenticator {

    static final UpstreamDownCondition INSTANCE = new UpstreamDownCondition();

    private UpstreamDownCondition() {
    }

    @Override
    public boolean matchCondition(AuthenticationFlowContext context) {
        UpstreamHealth health = context.getSession().getProvider(UpstreamHealth.class);
        return health != null && health.isKnownDown(UpstreamDownConditionFactory.upstream(context.getAuthenticatorConfig()));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
