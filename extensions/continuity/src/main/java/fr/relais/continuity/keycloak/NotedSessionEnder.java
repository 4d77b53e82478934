package fr.relais.continuity.keycloak;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.TimerProvider;

import fr.relais.continuity.session.EndedSessionWatch;

/**
 * Ends the sessions that a continuity feature opened (an emergency access, a session grace), found by
 * the note it left on them: Keycloak's own lifetime knows nothing of the grant or the grace, and the
 * sessions' ids are Keycloak's to choose. Offline sessions too: Keycloak copies the notes of the session
 * an application asked an offline token from (scope {@code offline_access}), and that token would
 * otherwise outlive the grant or the grace by the realm's offline idle time (30 days by default). A
 * concurrent token refresh can bring an ended session back
 * ({@link EndedSessionWatch} says how), so each one is looked for again by id right after its removal
 * has committed, then every second for a minute.
 */
public final class NotedSessionEnder {

    private static final Logger LOG = Logger.getLogger(NotedSessionEnder.class);
    /** A comeback starts from a read made before the removal committed; a minute leaves it ample time to show. */
    private static final Duration WATCH = Duration.ofMinutes(1);
    private static final long WATCH_PERIOD_MILLIS = 1_000;

    private final EndedSessionWatch watch = new EndedSessionWatch(WATCH);

    /**
     * Ends them in a transaction of their own, committed when this returns, whatever becomes of the
     * caller's, then looks them up again by id at once: one found was brought back by a refresh that
     * read its row before the deletion, and is ended again.
     *
     * @return how many sessions were ended
     */
    public int end(KeycloakSession session, RealmModel realm, String userId, String note, String value, Instant now) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        String realmId = realm.getId();
        Removed removed = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                s -> removeMarked(s, realmId, userId, note, value));
        KeycloakModelUtils.runJobInTransaction(factory, s -> removed.online().forEach(id -> endIfBack(s, realmId, id)));
        removed.online().forEach(id -> watch.ended(realmId, id, now));
        return removed.online().size() + removed.offline();
    }

    /** The online sessions removed, by id (the watch looks for them again), and how many offline ones. */
    private record Removed(List<String> online, int offline) {
        static final Removed NONE = new Removed(List.of(), 0);
    }

    /**
     * Looks every second, on this node (the watch is its memory), for the sessions it ended lately that
     * are there again: a refresh that read the row just before it was deleted can put the session back
     * after the look that follows the removal. Costs nothing while there is nothing to look for.
     */
    public void scheduleWatch(KeycloakSessionFactory factory, TimerProvider timer, String taskName) {
        timer.schedule(() -> {
            Instant now = Instant.now();
            List<EndedSessionWatch.Ended> toLookFor = watch.toLookFor(now);
            if (toLookFor.isEmpty()) {
                return;
            }
            try {
                KeycloakModelUtils.runJobInTransaction(factory,
                        s -> toLookFor.forEach(ended -> endIfBack(s, ended.realmId(), ended.sessionId())));
            } catch (RuntimeException e) {
                // Never out of the timer's thread: it runs Keycloak's own tasks too. The next second tries again.
                LOG.warnf(e, "Sessions ended lately not looked up again / sessions ended lately not checked");
            }
        }, WATCH_PERIOD_MILLIS, WATCH_PERIOD_MILLIS, taskName);
    }

    private static Removed removeMarked(KeycloakSession session, String realmId, String userId, String note, String value) {
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm == null) {
            return Removed.NONE;
        }
        return inRealm(session, realm, () -> {
            UserModel user = session.users().getUserById(realm, userId);
            if (user == null) {
                return Removed.NONE;
            }
            List<UserSessionModel> marked = session.sessions().getUserSessionsStream(realm, user)
                    .filter(s -> value.equals(s.getNote(note))).toList();
            marked.forEach(s -> session.sessions().removeUserSession(realm, s));
            List<UserSessionModel> offline = session.sessions().getOfflineUserSessionsStream(realm, user)
                    .filter(s -> value.equals(s.getNote(note))).toList();
            offline.forEach(s -> session.sessions().removeOfflineUserSession(realm, s));
            return new Removed(marked.stream().map(UserSessionModel::getId).toList(), offline.size());
        });
    }

    /** By id, because a session brought back lives only in the cache, and listing a user's sessions reads the database. */
    private static void endIfBack(KeycloakSession session, String realmId, String sessionId) {
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm == null) {
            return;
        }
        boolean back = inRealm(session, realm, () -> {
            UserSessionModel s = session.sessions().getUserSession(realm, sessionId);
            if (s == null) {
                return false;
            }
            session.sessions().removeUserSession(realm, s);
            return true;
        });
        if (back) {
            LOG.warnf("Session %s de %s revenue après sa fin (rafraîchissement simultané), terminée à nouveau / session %s of %s "
                    + "came back after it was ended (concurrent token refresh), ended again", sessionId, realm.getName(),
                    sessionId, realm.getName());
        }
    }

    private static <T> T inRealm(KeycloakSession session, RealmModel realm, Supplier<T> work) {
        // Background sweeps and nested transactions have no realm in context: user and session lookups need one.
        RealmModel previous = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            return work.get();
        } finally {
            session.getContext().setRealm(previous);
        }
    }
}
