package fr.relais.continuity.keycloak.breakglass;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.timer.ScheduledTask;

import fr.relais.continuity.breakglass.BreakGlassPolicy;
import fr.relais.continuity.breakglass.GrantStatus;
import fr.relais.continuity.keycloak.SystemAdminEvents;
import fr.relais.continuity.keycloak.NotedSessionEnder;
import fr.relais.continuity.keycloak.storage.BreakGlassGrantEntity;

/**
 * Ends the sessions of emergency accesses that expired, were revoked or got locked, and records that
 * they closed. Keycloak's own session lifetime is not tied to the grant, so this is what keeps an
 * emergency session within its 24 h. Scheduled cluster-aware: one node at a time does it.
 */
final class BreakGlassSweepTask implements ScheduledTask {

    private static final Logger LOG = Logger.getLogger(BreakGlassSweepTask.class);

    private final BreakGlassStore store;
    private final BreakGlassPolicy policy;
    private final NotedSessionEnder ender;
    private final Clock clock;

    BreakGlassSweepTask(BreakGlassStore store, BreakGlassPolicy policy, NotedSessionEnder ender, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.ender = ender;
        this.clock = clock;
    }

    @Override
    public void run(KeycloakSession session) {
        Instant now = clock.instant();
        for (BreakGlassGrantEntity grant : store.toClose(session, now, policy)) {
            RealmModel realm = session.realms().getRealm(grant.getRealmId());
            GrantStatus status = BreakGlassStore.grantOf(grant).status(now, policy);
            int ended = realm == null ? 0 : ender.end(session, realm, grant.getUserId(), BreakGlassNotes.GRANT, grant.getId(), now);
            grant.setClosedAt(now.toEpochMilli());
            LOG.warnf("Accès de secours de %s clos (%s), %d session(s) terminée(s) / emergency access %s of %s closed (%s), %d session(s) ended",
                    grant.getUsername(), status, ended, grant.getId(), grant.getUsername(), status, ended);
            if (realm != null) {
                adminEvent(session, realm, grant, status, ended, now);
            }
        }
    }

    private static void adminEvent(KeycloakSession session, RealmModel realm, BreakGlassGrantEntity grant, GrantStatus status,
                                   int ended, Instant now) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("action", "closed");
        details.put("status", status.name());
        details.put("userId", grant.getUserId());
        details.put("username", grant.getUsername());
        details.put("sessionsEnded", Integer.toString(ended));
        SystemAdminEvents.send(session, realm, now, BreakGlassNotes.RESOURCE_TYPE, "relais-continuity/break-glass/" + grant.getId(), details);
    }

    @Override
    public String getTaskName() {
        return "relais-break-glass-sweep";
    }
}
