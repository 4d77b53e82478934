package fr.relais.continuity.keycloak.grace;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.SessionExpirationUtils;

import fr.relais.continuity.grace.GraceTicket;
import fr.relais.continuity.grace.SessionGracePolicy;
import fr.relais.continuity.keycloak.storage.SessionGraceEntity;
import fr.relais.continuity.preparedness.OfflineMeans;
import fr.relais.spi.health.Upstream;
import fr.relais.spi.health.UpstreamHealth;

/**
 * Offers the grace to sessions about to end during a Pro Santé Connect outage, at the moments a
 * working professional's session is seen alive: a login, a code exchange, a token refresh by one of
 * their applications. Keycloak computes a session's end from the realm's settings and its start, so
 * a live session cannot be stretched in place; what is recorded here is the right to continue it
 * once, which {@link SessionGraceAuthenticator} honours when the professional comes back.
 *
 * <p>Also closes the tickets of people who signed out or whose sessions an administrator ended: the
 * grace must never bring back a session someone ended on purpose.
 */
final class SessionGraceListener implements EventListenerProvider {

    private static final Logger LOG = Logger.getLogger(SessionGraceListener.class);
    private static final Set<EventType> SESSION_SEEN = Set.of(EventType.LOGIN, EventType.CODE_TO_TOKEN, EventType.REFRESH_TOKEN);
    private static final Pattern USER_LOGOUT = Pattern.compile("users/([^/]+)/logout");
    private static final Pattern SESSION = Pattern.compile("sessions/([^/]+)");

    private final KeycloakSession session;
    private final SessionGraceStore store;
    private final SessionGracePolicy policy;
    private final Clock clock;

    SessionGraceListener(KeycloakSession session, SessionGraceStore store, SessionGracePolicy policy, Clock clock) {
        this.session = session;
        this.store = store;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public void onEvent(Event event) {
        if (!policy.enabled() || event.getError() != null) {
            return;
        }
        String continues = event.getDetails() == null ? null : event.getDetails().get(SessionGraceNotes.DETAIL_CONTINUES);
        if (event.getType() == EventType.LOGIN && continues != null) {
            recordContinuedSession(event, continues);
        } else if (event.getType() == EventType.LOGOUT && event.getUserId() != null && event.getSessionId() != null) {
            // Only the tickets of the session signed out: the professional may go on with another device's session,
            // whose ticket must stay open for the sweep to end its continued session when PSC is back.
            closeAll(event.getRealmId(), event.getUserId(), event.getSessionId());
        } else if (SESSION_SEEN.contains(event.getType()) && event.getSessionId() != null && pscDown(session)) {
            offer(event);
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (!policy.enabled() || event.getResourcePath() == null) {
            return;
        }
        Matcher userLogout = USER_LOGOUT.matcher(event.getResourcePath());
        Matcher endedSession = SESSION.matcher(event.getResourcePath());
        if (event.getResourceType() == ResourceType.USER && userLogout.matches()) {
            closeAll(event.getRealmId(), userLogout.group(1), null);
        } else if (event.getOperationType() == OperationType.DELETE && endedSession.matches()) {
            closeAll(event.getRealmId(), null, endedSession.group(1));
        } else if (event.getResourceType() == ResourceType.REALM && "logout-all".equals(event.getResourcePath())) {
            closeAll(event.getRealmId(), null, null);
        }
    }

    /** The grace's one question to the upstream health: is PSC known to be down (never on a guess)? */
    static boolean pscDown(KeycloakSession session) {
        UpstreamHealth health = session.getProvider(UpstreamHealth.class);
        return health != null && health.isKnownDown(Upstream.PRO_SANTE_CONNECT);
    }

    private void offer(Event event) {
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        UserSessionModel userSession = realm == null ? null : session.sessions().getUserSession(realm, event.getSessionId());
        if (userSession == null || userSession.isOffline()) {
            return;
        }
        long end = SessionExpirationUtils.calculateUserSessionMaxLifespanTimestamp(false, userSession.isRememberMe(),
                userSession.getStarted() * 1000L, realm);
        if (end < 0) {
            return;  // a session without a maximum lifespan never needs the grace
        }
        UserModel user = userSession.getUser();
        boolean offlineMeans = user.credentialManager().getStoredCredentialsStream()
                .anyMatch(c -> OfflineMeans.isOfflineCapable(c.getType()));
        Instant now = clock.instant();
        SessionGracePolicy.Decision decision = policy.decide(new SessionGracePolicy.Session(true, offlineMeans,
                userSession.getNote(SessionGraceNotes.UNTIL) != null, Instant.ofEpochMilli(end)), now);
        if (!decision.granted()) {
            return;
        }
        SessionGraceEntity ticket = new SessionGraceEntity();
        ticket.setSessionId(userSession.getId());
        ticket.setRealmId(realm.getId());
        ticket.setUserId(user.getId());
        ticket.setUsername(user.getUsername());
        ticket.setOfferedAt(now.toEpochMilli());
        ticket.setSessionEnd(end);
        ticket.setUntil(decision.until().toEpochMilli());
        // Its own transaction, and never an error for the request: a refresh must not fail because of the grace.
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> {
                if (!store.exists(s, ticket.getSessionId())) {
                    store.persist(s, ticket);
                    LOG.infof("Grâce de session proposée à %s jusqu'à %s (PSC injoignable) / session grace offered to %s "
                                    + "(session %s ends %s, may continue until %s)", user.getUsername(), decision.until(),
                            user.getUsername(), ticket.getSessionId(), Instant.ofEpochMilli(end), decision.until());
                }
            });
        } catch (RuntimeException e) {
            LOG.debugf(e, "Session grace ticket for session %s not recorded (probably recorded by a concurrent request)",
                    ticket.getSessionId());
        }
    }

    /**
     * In the login's own transaction: {@link SessionGraceAuthenticator} holds the ticket's row lock
     * until the login commits, so a separate transaction would wait for it forever.
     */
    private void recordContinuedSession(Event event, String continues) {
        store.findForUpdate(session, event.getRealmId(), continues).ifPresent(ticket -> ticket.setGraceSessionId(event.getSessionId()));
    }

    /** Closes the open tickets of a session (original or continued), of a user, of a user's session, or of the whole realm. */
    private void closeAll(String realmId, String userId, String sessionId) {
        Instant now = clock.instant();
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> {
                List<SessionGraceEntity> open = userId != null ? store.openOf(s, realmId, userId) : store.open(s);
                for (SessionGraceEntity ticket : open) {
                    boolean concerned = ticket.getRealmId().equals(realmId) && (sessionId == null
                            || sessionId.equals(ticket.getSessionId()) || sessionId.equals(ticket.getGraceSessionId()));
                    if (concerned) {
                        ticket.setEndedAt(now.toEpochMilli());
                        ticket.setEndReason(GraceTicket.EndReason.SIGNED_OUT.name());
                    }
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "Session grace tickets of realm %s not closed after a sign-out; the sweep closes them when PSC is back",
                    realmId);
        }
    }

    @Override
    public void close() {
    }
}
