package fr.relais.continuity.keycloak.breakglass;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.sessions.AuthenticationSessionModel;

import fr.relais.continuity.breakglass.BreakGlassPolicy;
import fr.relais.continuity.breakglass.EmergencyCode;
import fr.relais.continuity.breakglass.GrantStatus;
import fr.relais.continuity.keycloak.storage.BreakGlassGrantEntity;

/**
 * Signs a professional in with the emergency code an administrator activated for them. Reached from
 * the login page's "try another way" list (Keycloak's authentication selection), never on its own.
 * Every attempt, successful or not, is recorded with the grant; a wrong code counts towards the
 * grant's lock and the realm's brute-force protection. The error never says whether the account,
 * the grant or the code was wrong.
 */
final class BreakGlassAuthenticator implements Authenticator {

    private static final Logger LOG = Logger.getLogger(BreakGlassAuthenticator.class);

    static final String TEMPLATE = "relais-break-glass.ftl";
    static final String FIELD_USERNAME = "username";
    static final String FIELD_CODE = "code";
    static final String MESSAGE_INVALID = "relais.breakGlass.invalid";

    private final BreakGlassStore store;
    private final BreakGlassPolicy policy;
    private final Clock clock;

    BreakGlassAuthenticator(BreakGlassStore store, BreakGlassPolicy policy, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.challenge(page(context, null, null));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String username = trimmed(form.getFirst(FIELD_USERNAME));
        String code = form.getFirst(FIELD_CODE);
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        Instant now = clock.instant();
        context.getEvent().detail(BreakGlassNotes.DETAIL_MEANS, BreakGlassNotes.MEANS_BREAK_GLASS);
        if (username.isEmpty()) {
            refuse(context, username, Errors.USER_NOT_FOUND);
            return;
        }
        context.getEvent().detail(Details.USERNAME, username);
        // Counted by the realm's brute-force protection like a password attempt on this username.
        context.getAuthenticationSession().setAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME, username);
        UserModel user = KeycloakModelUtils.findUserByNameOrEmail(session, realm, username);
        if (user == null) {
            refuse(context, username, Errors.USER_NOT_FOUND);
            return;
        }
        context.getEvent().user(user);
        Optional<BreakGlassGrantEntity> found = store.latestOpenForUpdate(session, realm.getId(), user.getId());
        if (found.isEmpty()) {
            refuse(context, username, Errors.INVALID_USER_CREDENTIALS);
            return;
        }
        BreakGlassGrantEntity grant = found.get();
        context.getEvent().detail(BreakGlassNotes.DETAIL_GRANT, grant.getId());
        String ip = context.getConnection() == null ? null : context.getConnection().getRemoteAddr();
        GrantStatus status = BreakGlassStore.grantOf(grant).status(now, policy);
        if (status != GrantStatus.ACTIVE) {
            store.recordAccess(session, grant.getId(), status.name(), now, ip);
            LOG.warnf("Accès de secours refusé à %s : %s / emergency access refused (%s)", username, status, status);
            refuse(context, username, Errors.INVALID_USER_CREDENTIALS);
            return;
        }
        if (code == null || !EmergencyCode.matches(code, grant.getCodeSalt(), grant.getCodeHash())) {
            grant.setFailedAttempts(grant.getFailedAttempts() + 1);
            boolean locked = BreakGlassStore.grantOf(grant).status(now, policy) == GrantStatus.LOCKED;
            store.recordAccess(session, grant.getId(), locked ? "WRONG_CODE_LOCKED" : "WRONG_CODE", now, ip);
            LOG.warnf("Accès de secours : code erroné pour %s (%d/%d)%s / emergency access: wrong code",
                    username, grant.getFailedAttempts(), policy.maxFailedAttempts(), locked ? ", accès verrouillé" : "");
            refuse(context, username, Errors.INVALID_USER_CREDENTIALS);
            return;
        }
        String bruteForce = AuthenticatorUtils.getDisabledByBruteForceEventError(context, user);
        if (!user.isEnabled() || bruteForce != null) {
            store.recordAccess(session, grant.getId(), user.isEnabled() ? "USER_TEMPORARILY_DISABLED" : "USER_DISABLED", now, ip);
            refuse(context, username, user.isEnabled() ? bruteForce : Errors.USER_DISABLED);
            return;
        }
        grant.setUses(grant.getUses() + 1);
        grant.setLastUsedAt(now.toEpochMilli());
        store.recordAccess(session, grant.getId(), "SUCCESS", now, ip);
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.setUserSessionNote(BreakGlassNotes.GRANT, grant.getId());
        authSession.setUserSessionNote(BreakGlassNotes.ROLES, grant.getRoles());
        authSession.setUserSessionNote(BreakGlassNotes.ACR, BreakGlassNotes.ACR_BREAK_GLASS);
        authSession.setUserSessionNote(BreakGlassNotes.AMR, BreakGlassNotes.AMR_BREAK_GLASS);
        context.getEvent()
                .detail(BreakGlassNotes.DETAIL_EXPIRES, Instant.ofEpochMilli(grant.getExpiresAt()).toString())
                .detail(BreakGlassNotes.DETAIL_GRANTED_BY, grant.getGrantedBy());
        LOG.warnf("Accès de secours utilisé par %s (accordé par %s, motif « %s », jusqu'au %s) / emergency access used",
                username, grant.getGrantedBy(), grant.getReason(), Instant.ofEpochMilli(grant.getExpiresAt()));
        context.setUser(user);
        context.success();
    }

    private void refuse(AuthenticationFlowContext context, String username, String eventError) {
        context.getEvent().error(eventError);
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page(context, username, MESSAGE_INVALID));
    }

    private static Response page(AuthenticationFlowContext context, String username, String error) {
        var form = context.form().setAttribute("relaisBreakGlassUsername", username == null ? "" : username);
        if (error != null) {
            form.setError(error);
        }
        return form.createForm(TEMPLATE);
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
