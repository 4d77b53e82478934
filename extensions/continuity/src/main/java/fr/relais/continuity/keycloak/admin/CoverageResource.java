package fr.relais.continuity.keycloak.admin;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import fr.relais.continuity.preparedness.Coverage;
import fr.relais.continuity.preparedness.OfflineMeans;

/**
 * {@code GET .../coverage}: how many active professionals could still sign in if Pro Santé Connect
 * went down now, i.e. hold an OTP or FIDO2 credential. Reads every enabled user, page by page: an
 * operator's report, not something to poll.
 */
public class CoverageResource {

    private static final int PAGE = 500;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    CoverageResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    public record CoverageView(long activeUsers, long withOtp, long withWebAuthn, long covered, long uncovered,
                               double share, List<String> offlineCredentialTypes, String note) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CoverageView coverage() {
        auth.users().requireView();
        Coverage coverage = Coverage.EMPTY;
        Map<String, String> query = Map.of(UserModel.SEARCH, "*", UserModel.INCLUDE_SERVICE_ACCOUNT, "false");
        for (int first = 0; ; first += PAGE) {
            List<UserModel> page = session.users().searchForUserStream(realm, query, first, PAGE).toList();
            for (UserModel user : page) {
                if (user.isEnabled() && user.getServiceAccountClientLink() == null) {
                    coverage = coverage.plus(credentialTypes(user));
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        return new CoverageView(coverage.activeUsers(), coverage.withOtp(), coverage.withWebAuthn(), coverage.covered(),
                coverage.uncovered(), coverage.share(), OfflineMeans.CREDENTIAL_TYPES.stream().sorted().toList(),
                "Part des comptes actifs disposant d’un moyen utilisable sans Pro Santé Connect (code à usage unique "
                        + "ou clé FIDO2). La carte CPS fonctionne aussi hors ligne mais n’est pas comptée : Keycloak ne "
                        + "sait pas qui en détient une.");
    }

    private static Set<String> credentialTypes(UserModel user) {
        return user.credentialManager().getStoredCredentialsStream().map(CredentialModel::getType).collect(Collectors.toSet());
    }
}
