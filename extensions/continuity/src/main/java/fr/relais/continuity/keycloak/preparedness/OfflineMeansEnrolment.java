package fr.relais.continuity.keycloak.preparedness;

import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Details;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import fr.relais.continuity.keycloak.PscIdentityProviders;
import fr.relais.continuity.preparedness.EnrolmentPolicy;

/**
 * After a Pro Santé Connect login, asks a professional who holds no means that works without PSC
 * to enrol one, by adding Keycloak's own enrolment action (security key or one-time code, per the
 * realm's setting) to this login. Nothing is stored on the user: the next PSC login asks again
 * until they are covered.
 */
final class OfflineMeansEnrolment implements RequiredActionProvider {

    private static final Logger LOG = Logger.getLogger(OfflineMeansEnrolment.class);

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        boolean throughPsc = PscIdentityProviders.isPsc(context.getSession(),
                authSession.getUserSessionNotes().get(Details.IDENTITY_PROVIDER));
        if (!throughPsc) {
            return;
        }
        List<String> types = context.getUser().credentialManager().getStoredCredentialsStream().map(CredentialModel::getType).toList();
        policy(context.getConfig()).requiredActionFor(true, types).ifPresent(action -> {
            LOG.debugf("Enrôlement d'un moyen hors ligne demandé (%s) / offline means enrolment asked: user %s",
                    action, context.getUser().getId());
            authSession.addRequiredAction(action);
        });
    }

    static EnrolmentPolicy policy(RequiredActionConfigModel config) {
        return EnrolmentPolicy.parse(config == null ? null : config.getConfigValue(OfflineMeansEnrolmentFactory.MEANS));
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        // Never on a user's list: the enrolment itself is the Keycloak action added by evaluateTriggers.
        context.success();
    }

    @Override
    public void processAction(RequiredActionContext context) {
        context.success();
    }

    @Override
    public void close() {
    }
}
