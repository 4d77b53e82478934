package fr.relais.continuity.keycloak;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;

import fr.relais.continuity.session.EndedSessionWatch;

/**
 * Ends the sessions that a continuity feature opened (an emergency access, a session grace), found by
 * the note it left on them: Keycloak's own lifetime knows nothing of the grant or the grace, and the
 * sessions' ids are Keycloak's to choose. Then, at each sweep, ends again any of them that a
 * concurrent token refresh brought back ({@link EndedSessionWatch} says how).
 */
public final class NotedSessionEnder {

    private static final Logger LOG = Logger.getLogger(NotedSessionEnder.class);
    /** Several sweeps of either feature: the comeback can only happen while the first removal commits. */
    private static final Duration WATCH = Duration.ofMinutes(1);

    private final EndedSessionWatch watch = new EndedSessionWatch(WATCH);

    /** @return how many sessions were ended */
    public int end(KeycloakSession session, RealmModel realm, String userId, String note, String value, Instant now) {
        return inRealm(session, realm, () -> {
            UserModel user = session.users().getUserById(realm, userId);
            if (user == null) {
                return 0;
            }
            List<UserSessionModel> marked = session.sessions().getUserSessionsStream(realm, user)
                    .filter(s -> value.equals(s.getNote(note))).toList();
            for (UserSessionModel s : marked) {
                session.sessions().removeUserSession(realm, s);
                watch.ended(realm.getId(), s.getId(), now);
            }
            return marked.size();
        });
    }

    /**
     * Ends again, by id, the recently ended sessions that are there again. By id, because a session
     * brought back lives only in the cache, and listing a user's sessions reads the database.
     *
     * @return how many were ended again
     */
    public int endReturned(KeycloakSession session, Instant now) {
        int again = 0;
        for (EndedSessionWatch.Ended ended : watch.toLookFor(now)) {
            RealmModel realm = session.realms().getRealm(ended.realmId());
            if (realm == null) {
                continue;
            }
            boolean back = inRealm(session, realm, () -> {
                UserSessionModel s = session.sessions().getUserSession(realm, ended.sessionId());
                if (s == null) {
                    return false;
                }
                session.sessions().removeUserSession(realm, s);
                return true;
            });
            if (back) {
                again++;
                LOG.warnf("Session %s de %s revenue après sa fin (rafraîchissement simultané), terminée à nouveau / session %s of %s "
                        + "came back after it was ended (concurrent token refresh), ended again", ended.sessionId(), realm.getName(),
                        ended.sessionId(), realm.getName());
            }
        }
        return again;
    }

    private static <T> T inRealm(KeycloakSession session, RealmModel realm, Supplier<T> work) {
        // Background sweeps run outside any request: user and session lookups need the realm in context.
        RealmModel previous = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            return work.get();
        } finally {
            session.getContext().setRealm(previous);
        }
    }
}
