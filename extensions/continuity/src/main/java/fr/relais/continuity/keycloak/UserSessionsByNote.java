package fr.relais.continuity.keycloak;

import java.util.List;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;

/**
 * Ends the sessions that a continuity feature opened (an emergency access, a session grace), found by
 * the note it left on them: Keycloak's own lifetime knows nothing of the grant or the grace, and the
 * sessions' ids are Keycloak's to choose.
 */
public final class UserSessionsByNote {

    private UserSessionsByNote() {
    }

    /** @return how many sessions were ended */
    public static int end(KeycloakSession session, RealmModel realm, String userId, String note, String value) {
        // Background sweeps run outside any request: user and session lookups need the realm in context.
        RealmModel previous = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            UserModel user = session.users().getUserById(realm, userId);
            if (user == null) {
                return 0;
            }
            List<UserSessionModel> marked = session.sessions().getUserSessionsStream(realm, user)
                    .filter(s -> value.equals(s.getNote(note))).toList();
            marked.forEach(s -> session.sessions().removeUserSession(realm, s));
            return marked.size();
        } finally {
            session.getContext().setRealm(previous);
        }
    }
}
