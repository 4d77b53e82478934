package fr.relais.continuity.keycloak;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;

/**
 * Admin events that no administrator caused (an upstream changing state, an emergency access or a
 * session grace closing): stored when the realm keeps admin events and passed to the realm's event
 * listeners (e.g. a SIEM forwarder), where operators already look. There is no administrator behind
 * them, so they name no user.
 */
public final class SystemAdminEvents {

    private SystemAdminEvents() {
    }

    public static void send(KeycloakSession session, RealmModel realm, Instant at, String resourceType, String resourcePath,
                            Map<String, String> details) {
        AdminEvent event = new AdminEvent();
        event.setId(UUID.randomUUID().toString());
        event.setTime(at.toEpochMilli());
        event.setRealmId(realm.getId());
        event.setRealmName(realm.getName());
        AuthDetails auth = new AuthDetails();
        auth.setRealmId(realm.getId());
        auth.setRealmName(realm.getName());
        event.setAuthDetails(auth);
        event.setOperationType(OperationType.ACTION);
        event.setResourceTypeAsString(resourceType);
        event.setResourcePath(resourcePath);
        event.setDetails(details);
        boolean withRepresentation = realm.isAdminEventsDetailsEnabled();
        if (withRepresentation) {
            event.setRepresentation(json(details));
        }
        if (realm.isAdminEventsEnabled()) {
            EventStoreProvider store = session.getProvider(EventStoreProvider.class);
            if (store != null) {
                store.onEvent(event, withRepresentation);
            }
        }
        realm.getEventsListenersStream().forEach(id -> {
            EventListenerProvider listener = session.getProvider(EventListenerProvider.class, id);
            if (listener != null) {
                listener.onEvent(new AdminEvent(event), withRepresentation);
            }
        });
    }

    private static String json(Map<String, String> details) {
        try {
            return JsonSerialization.writeValueAsString(details);
        } catch (IOException e) {
            return null;  // a map of strings always serialises; the details are in the event anyway
        }
    }
}
