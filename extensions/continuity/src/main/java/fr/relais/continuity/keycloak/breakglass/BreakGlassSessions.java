package fr.relais.continuity.keycloak.breakglass;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;

/** Ends the sessions an emergency access opened, and only those: the user's other sessions stay. */
final class BreakGlassSessions {

    private BreakGlassSessions() {
    }

    static int end(KeycloakSession session, RealmModel realm, String userId, String grantId) {
        // The background sweep runs outside any request: user and session lookups need the realm in context.
        RealmModel previous = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            UserModel user = session.users().getUserById(realm, userId);
            if (user == null) {
                return 0;
            }
            int ended = 0;
            for (UserSessionModel userSession : session.sessions().getUserSessionsStream(realm, user).toList()) {
                if (grantId.equals(userSession.getNote(BreakGlassNotes.GRANT))) {
                    session.sessions().removeUserSession(realm, userSession);
                    ended++;
                }
            }
            return ended;
        } finally {
            session.getContext().setRealm(previous);
        }
    }
}
