package fr.relais.psc.keycloak;

import java.util.HashMap;
import java.util.Map;

import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * User-session notes of a PSC login, carried in the brokered context until the login finishes.
 * Written straight to the authentication session they would be lost on a first login: Keycloak resets
 * the session's notes when it enters the first-broker-login flow, but serializes the context data.
 */
final class PscSessionNotes {

    private static final String CONTEXT_KEY = "relais.psc.sessionNotes";

    private PscSessionNotes() {
    }

    static void put(BrokeredIdentityContext context, String name, String value) {
        if (value == null) {
            return;
        }
        notes(context).put(name, value);
    }

    /** Called once the login is finished, for returning and first logins alike. */
    static void applyTo(AuthenticationSessionModel authSession, BrokeredIdentityContext context) {
        Object notes = context.getContextData().get(CONTEXT_KEY);
        if (notes instanceof Map<?, ?> map) {
            map.forEach((name, value) -> authSession.setUserSessionNote(String.valueOf(name), String.valueOf(value)));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> notes(BrokeredIdentityContext context) {
        return (Map<String, Object>) context.getContextData().computeIfAbsent(CONTEXT_KEY, k -> new HashMap<String, Object>());
    }
}
