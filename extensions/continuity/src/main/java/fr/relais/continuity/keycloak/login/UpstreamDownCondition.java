package fr.relais.continuity.keycloak.login;

import java.util.Arrays;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.models.AuthenticatorConfigModel;
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
    private static final Logger LOG = Logger.getLogger(UpstreamDownCondition.class);

    private UpstreamDownCondition() {
    }

    @Override
    public boolean matchCondition(AuthenticationFlowContext context) {
        Optional<Upstream> upstream = UpstreamDownConditionFactory.upstream(context.getAuthenticatorConfig());
        if (upstream.isEmpty()) {
            // An unreadable setting must neither break every login of the flow (an error page) nor lift the
            // outage rules it guards: they apply, as if the upstream were down.
            AuthenticatorConfigModel config = context.getAuthenticatorConfig();
            LOG.errorf("Condition « service externe injoignable » : réglage %1$s=%2$s inconnu dans « %3$s » (attendu : %4$s) ; "
                    + "les règles de panne s'appliquent. Upstream-down condition: unknown %1$s=%2$s in \"%3$s\" (expected "
                    + "one of %4$s); the outage rules apply.", UpstreamDownConditionFactory.UPSTREAM,
                    config.getConfig().get(UpstreamDownConditionFactory.UPSTREAM), config.getAlias(),
                    Arrays.toString(Upstream.values()));
            return true;
        }
        UpstreamHealth health = context.getSession().getProvider(UpstreamHealth.class);
        return health != null && health.isKnownDown(upstream.get());
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
