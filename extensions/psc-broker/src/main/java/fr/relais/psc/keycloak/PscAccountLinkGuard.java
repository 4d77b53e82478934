package fr.relais.psc.keycloak;

import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.IdentityBrokerService;
import org.keycloak.sessions.AuthenticationSessionModel;

import fr.relais.spi.directory.ProfessionalDirectory;

/**
 * Account linking ({@code kc_action=idp_link:psc}, the account console's "Linked accounts", the legacy
 * {@code /broker/psc/link}) would bind the PSC identity to whoever is signed in: Keycloak links without
 * asking anyone. The first-login flow only links an idNat_PS to the account the directory holds for it
 * ({@link PscProfessionalLinkAuthenticator}); linking gets the same rule, otherwise anyone could bind
 * someone else's e-CPS to their account, for instance on a shared workstation.
 */
final class PscAccountLinkGuard {

    private PscAccountLinkGuard() {
    }

    /** Refuses (as a {@link PscLoginException}) a linking request the directory does not back. */
    static void check(KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession, String idNat) {
        if (!isLinking(authSession)) {
            return;
        }
        UserModel signedIn = authSession.getAuthenticatedUser();
        ProfessionalDirectory directory = session.getProvider(ProfessionalDirectory.class);
        // Never the creating lookup: linking must not open an account for somebody else.
        Optional<UserModel> owner = directory == null ? Optional.empty() : directory.findAccountByIdNatPs(realm, idNat);
        verdict(signedIn == null ? null : signedIn.getId(), owner.map(UserModel::getId), idNat, directory != null)
                .ifPresent(refusal -> {
                    throw refusal.user(signedIn == null ? null : signedIn.getId())
                            .detail("idnat_ps_user_id", owner.map(UserModel::getId).orElse(null));
                });
    }

    /**
     * Keycloak marks every linking request with this note on the authentication session, and reads it
     * again in IdentityBrokerService.authenticated() to decide to link instead of logging in.
     */
    static boolean isLinking(AuthenticationSessionModel authSession) {
        return authSession != null && authSession.getAuthNote(IdentityBrokerService.LINKING_IDENTITY_PROVIDER) != null;
    }

    /** The rule, without Keycloak: only the account the directory holds for this idNat_PS may be linked. */
    static Optional<PscLoginException> verdict(String signedInUserId, Optional<String> ownerUserId, String idNat,
                                               boolean directoryDeployed) {
        String reason;
        if (!directoryDeployed) {
            reason = "no relais-professional-directory provider is deployed";
        } else if (signedInUserId == null) {
            reason = "nobody is signed in";
        } else if (ownerUserId.isEmpty()) {
            reason = "no account carries this idNat_PS";
        } else if (!ownerUserId.get().equals(signedInUserId)) {
            reason = "this idNat_PS belongs to another account";
        } else {
            return Optional.empty();
        }
        return Optional.of(new PscLoginException(PscFailure.LINK_REFUSED, "account linking refused: " + reason)
                .detail(PscEventDetails.ID_NAT_PS, idNat));
    }
}
