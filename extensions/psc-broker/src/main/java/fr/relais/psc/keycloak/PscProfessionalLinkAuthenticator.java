package fr.relais.psc.keycloak;

import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import fr.relais.spi.directory.ProfessionalDirectory;

/**
 * First-broker-login step for PSC: the professional's first PSC login lands on the account that the
 * directory holds for their idNat_PS, silently (the national identifier is proof enough; no e-mail
 * confirmation or password re-entry), and never on a new account. Keycloak links the PSC identity to
 * that account once this flow succeeds, so later PSC logins skip the flow altogether.
 *
 * <p>Nobody in the directory: refused with an explanation. Creating the account just in time for a
 * professional present in RPPS is a later realm policy.
 */
final class PscProfessionalLinkAuthenticator extends AbstractIdpAuthenticator {

    static final String MESSAGE_UNKNOWN = "relais.psc.error.unknownProfessional";
    static final String MESSAGE_DISABLED = "relais.psc.error.accountDisabled";

    @Override
    protected void authenticateImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                                    BrokeredIdentityContext brokerContext) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        // PscIdentityProvider sets the brokered identity's id to the idNat_PS (SubjectNameID).
        String idNat = brokerContext.getId();
        context.getEvent().detail(PscEventDetails.ID_NAT_PS, idNat).detail(PscEventDetails.MEANS, PscEventDetails.MEANS_PSC);
        ProfessionalDirectory directory = session.getProvider(ProfessionalDirectory.class);
        Optional<UserModel> user = directory == null ? Optional.empty() : directory.findByIdNatPs(realm, idNat);
        if (user.isEmpty()) {
            refuse(context, Errors.USER_NOT_FOUND, MESSAGE_UNKNOWN, "no account with this idNat_PS");
            return;
        }
        if (!user.get().isEnabled()) {
            context.getEvent().user(user.get());
            refuse(context, Errors.USER_DISABLED, MESSAGE_DISABLED, "account disabled");
            return;
        }
        context.setUser(user.get());
        context.success();
    }

    @Override
    protected void actionImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                              BrokeredIdentityContext brokerContext) {
        authenticateImpl(context, serializedCtx, brokerContext);
    }

    private static void refuse(AuthenticationFlowContext context, String error, String message, String reason) {
        context.getEvent().clone().detail(PscEventDetails.REASON, reason).error(error);
        Response page = context.form().setError(message).createErrorPage(Response.Status.UNAUTHORIZED);
        context.forceChallenge(page);
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }
}
