package fr.relais.psc.keycloak;

import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import fr.relais.psc.domain.UnknownProfessionalPolicy;
import fr.relais.spi.directory.ProfessionalDirectory;

/**
 * First-broker-login step for PSC: the professional's first PSC login lands on the account that the
 * directory holds for their idNat_PS, silently (the national identifier is proof enough; no e-mail
 * confirmation or password re-entry), and never on a new account. Keycloak links the PSC identity to
 * that account once this flow succeeds, so later PSC logins skip the flow altogether.
 *
 * <p>No account with that idNat_PS: the step's {@link UnknownProfessionalPolicy} says whether the
 * professional is refused with an explanation or, when the RPPS directory knows them, given an account
 * on the spot. Either way there is at most one account per idNat_PS: the directory is the only creator.
 */
final class PscProfessionalLinkAuthenticator extends AbstractIdpAuthenticator {

    private static final Logger LOG = Logger.getLogger(PscProfessionalLinkAuthenticator.class);

    static final String MESSAGE_UNKNOWN = "relais.psc.error.unknownProfessional";
    static final String MESSAGE_NOT_IN_DIRECTORY = "relais.psc.error.notInDirectory";
    static final String MESSAGE_DISABLED = "relais.psc.error.accountDisabled";

    @Override
    protected void authenticateImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                                    BrokeredIdentityContext brokerContext) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        // PscIdentityProvider sets the brokered identity's id to the idNat_PS (SubjectNameID).
        String idNat = brokerContext.getId();
        context.getEvent().detail(PscEventDetails.ID_NAT_PS, idNat).detail(PscEventDetails.MEANS, PscEventDetails.MEANS_PSC);
        UnknownProfessionalPolicy policy = policy(context.getAuthenticatorConfig());
        ProfessionalDirectory directory = session.getProvider(ProfessionalDirectory.class);
        if (directory == null) {
            LOG.error("No relais-professional-directory provider is deployed: every PSC first login is refused");
        }
        Optional<UserModel> user = directory == null ? Optional.empty() : directory.findAccountByIdNatPs(realm, idNat);
        if (user.isEmpty() && policy == UnknownProfessionalPolicy.JUST_IN_TIME && directory != null) {
            user = directory.findByIdNatPs(realm, idNat);
            if (user.isEmpty()) {
                LOG.infof("Realm %s: PSC first login of %s refused: no account, and the RPPS directory gave none "
                        + "(professional absent from it, or visiting professionals not accepted by the realm's "
                        + "relais-rpps component)", realm.getName(), idNat);
                refuse(context, Errors.USER_NOT_FOUND, MESSAGE_NOT_IN_DIRECTORY,
                        "no account with this idNat_PS and none opened from the RPPS directory");
                return;
            }
            context.getEvent().detail(PscEventDetails.ACCOUNT_CREATED, "true");
        }
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
        recordFirstLogin(context, brokerContext, user.get());
        context.success();
    }

    /**
     * Keycloak sends the LOGIN event of a first broker login from a later request, whose event knows nothing
     * of PSC (no eIDAS level, no authMode). This event keeps them, and whether the account was just opened.
     */
    private static void recordFirstLogin(AuthenticationFlowContext context, BrokeredIdentityContext brokerContext, UserModel user) {
        EventBuilder firstLogin = context.getEvent().clone().event(EventType.IDENTITY_PROVIDER_FIRST_LOGIN).user(user)
                .detail(Details.IDENTITY_PROVIDER, brokerContext.getIdpConfig().getAlias());
        PscIdentityProvider.describe(firstLogin, brokerContext);
        firstLogin.success();
    }

    private static UnknownProfessionalPolicy policy(AuthenticatorConfigModel config) {
        String value = config == null || config.getConfig() == null ? null
                : config.getConfig().get(PscProfessionalLinkAuthenticatorFactory.UNKNOWN_PROFESSIONAL_POLICY);
        return UnknownProfessionalPolicy.fromConfig(value).orElseGet(() -> {
            // A typo must not open accounts.
            LOG.errorf("PSC first login: unknown value '%s' for %s; refusing professionals without an account",
                    value, PscProfessionalLinkAuthenticatorFactory.UNKNOWN_PROFESSIONAL_POLICY);
            return UnknownProfessionalPolicy.REFUSE;
        });
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
