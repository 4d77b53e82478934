package fr.relais.continuity.keycloak.grace;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.cookie.CookieProvider;
import org.keycloak.cookie.CookieType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.IdentityCookieToken;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.util.TokenUtil;

import fr.relais.continuity.grace.GraceTicket;
import fr.relais.continuity.grace.SessionGracePolicy;
import fr.relais.continuity.keycloak.ProbedUpstreamHealthFactory;
import fr.relais.continuity.keycloak.breakglass.BreakGlassNotes;
import fr.relais.continuity.keycloak.storage.SessionGraceEntity;

/**
 * Continues, once, the session of a professional who comes back after it ended during a Pro Santé
 * Connect outage and was offered the grace ({@link SessionGraceListener}). Placed right after
 * Keycloak's cookie authenticator: it only acts when that one found the session gone.
 *
 * <p>Proof that this browser held the session: Keycloak's own identity cookie, whose signature by
 * the realm's key is checked here (its expiry is not: the session it names has ended, that is the
 * point). Everything else is re-checked now: PSC still down, the ticket unused and in time, the
 * original session past its own end (so not signed out or ended by an administrator), the account
 * still enabled and not revoked since.
 */
final class SessionGraceAuthenticator implements Authenticator {

    private static final Logger LOG = Logger.getLogger(SessionGraceAuthenticator.class);

    private final SessionGraceStore store;
    private final Clock clock;

    SessionGraceAuthenticator(SessionGraceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        KeycloakSession session = context.getSession();
        SessionGracePolicy policy = ProbedUpstreamHealthFactory.gracePolicy(session.getKeycloakSessionFactory());
        if (!policy.enabled() || !SessionGraceListener.pscDown(session)) {
            context.attempted();
            return;
        }
        Optional<IdentityCookieToken> cookie = identityCookie(session, context.getRealm());
        if (cookie.isEmpty()) {
            LOG.debug("No session grace: no valid Keycloak identity cookie in the request");
            context.attempted();
            return;
        }
        RealmModel realm = context.getRealm();
        Optional<SessionGraceEntity> found = store.findForUpdate(session, realm.getId(), cookie.get().getSessionId())
                .filter(t -> t.getUserId().equals(cookie.get().getSubject()));
        if (found.isEmpty()) {
            LOG.debugf("No session grace: no ticket for session %s of user %s", cookie.get().getSessionId(), cookie.get().getSubject());
            context.attempted();
            return;
        }
        SessionGraceEntity ticket = found.get();
        Instant now = clock.instant();
        Optional<GraceTicket.Refusal> refusal = SessionGraceStore.ticketOf(ticket).resumeRefusal(now, true);
        UserModel user = session.users().getUserById(realm, ticket.getUserId());
        if (refusal.isEmpty() && (user == null || !user.isEnabled() || revokedSince(session, realm, user, cookie.get()))) {
            refusal = Optional.of(GraceTicket.Refusal.CLOSED);
        }
        if (refusal.isPresent()) {
            LOG.infof("Grâce de session refusée à %s (%s) / session grace refused to %s (%s)",
                    ticket.getUsername(), refusal.get(), ticket.getUsername(), refusal.get());
            context.attempted();
            return;
        }
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        // The continued session's id is known once Keycloak opened it: SessionGraceListener records it from the LOGIN event.
        ticket.setUsedAt(now.toEpochMilli());
        authSession.setUserSessionNote(SessionGraceNotes.UNTIL, Long.toString(ticket.getUntil()));
        authSession.setUserSessionNote(SessionGraceNotes.CONTINUES, ticket.getSessionId());
        authSession.setUserSessionNote(BreakGlassNotes.ACR, SessionGraceNotes.ACR);
        authSession.setAuthNote(SessionGraceNotes.USED, "true");
        context.getEvent()
                .detail(SessionGraceNotes.DETAIL_MEANS, SessionGraceNotes.MEANS)
                .detail(SessionGraceNotes.DETAIL_CONTINUES, ticket.getSessionId())
                .detail(SessionGraceNotes.DETAIL_UNTIL, Instant.ofEpochMilli(ticket.getUntil()).toString());
        LOG.warnf("Session de %s prolongée par la grâce jusqu'à %s (PSC injoignable) / session of %s continued on grace until %s",
                user.getUsername(), Instant.ofEpochMilli(ticket.getUntil()), user.getUsername(), Instant.ofEpochMilli(ticket.getUntil()));
        context.setUser(user);
        context.success();
    }

    /**
     * Keycloak's identity cookie, if its signature and issuer are the realm's. Its expiry is not
     * checked on purpose (see the class comment); the ticket bounds everything in time.
     */
    private static Optional<IdentityCookieToken> identityCookie(KeycloakSession session, RealmModel realm) {
        String value = session.getProvider(CookieProvider.class).get(CookieType.IDENTITY);
        IdentityCookieToken token = value == null || value.isEmpty() ? null : session.tokens().decode(value, IdentityCookieToken.class);
        if (token == null || !TokenUtil.TOKEN_TYPE_KEYCLOAK_ID.equals(token.getType()) || token.getSessionId() == null
                || token.getSubject() == null
                || !Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName()).equals(token.getIssuer())) {
            return Optional.empty();
        }
        return Optional.of(token);
    }

    /** "Sign out everywhere" or a revocation by an administrator after the cookie was issued. */
    private static boolean revokedSince(KeycloakSession session, RealmModel realm, UserModel user, IdentityCookieToken cookie) {
        long issued = cookie.getIat() == null ? 0 : cookie.getIat();
        return issued < realm.getNotBefore() || issued < session.users().getNotBeforeOfUser(realm, user);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        context.attempted();
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
