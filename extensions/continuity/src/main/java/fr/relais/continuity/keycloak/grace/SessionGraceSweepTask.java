package fr.relais.continuity.keycloak.grace;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.timer.ScheduledTask;

import fr.relais.continuity.grace.GraceTicket;
import fr.relais.continuity.keycloak.SystemAdminEvents;
import fr.relais.continuity.keycloak.NotedSessionEnder;
import fr.relais.continuity.keycloak.storage.SessionGraceEntity;

/**
 * Closes grace tickets once PSC is back or their time is over, and ends the sessions continued from
 * them: Keycloak would give a continued session a full lifespan, so this is what bounds it.
 * Scheduled cluster-aware: one node at a time does it.
 */
final class SessionGraceSweepTask implements ScheduledTask {

    private static final Logger LOG = Logger.getLogger(SessionGraceSweepTask.class);

    private final SessionGraceStore store;
    private final NotedSessionEnder ender;
    private final Clock clock;

    SessionGraceSweepTask(SessionGraceStore store, NotedSessionEnder ender, Clock clock) {
        this.store = store;
        this.ender = ender;
        this.clock = clock;
    }

    @Override
    public void run(KeycloakSession session) {
        boolean pscDown = SessionGraceListener.pscDown(session);
        Instant now = clock.instant();
        for (SessionGraceEntity ticket : store.open(session)) {
            Optional<GraceTicket.EndReason> reason = SessionGraceStore.ticketOf(ticket).endReason(now, pscDown);
            if (reason.isEmpty()) {
                continue;
            }
            RealmModel realm = session.realms().getRealm(ticket.getRealmId());
            boolean ended = realm != null && ticket.getUsedAt() != null
                    && ender.end(session, realm, ticket.getUserId(), SessionGraceNotes.CONTINUES, ticket.getSessionId(), now) > 0;
            ticket.setEndedAt(now.toEpochMilli());
            ticket.setEndReason(reason.get().name());
            if (ticket.getUsedAt() == null) {
                continue;  // offered, never used: nothing was extended, nothing to report
            }
            LOG.warnf("Grâce de session de %s close (%s), session prolongée %s / session grace of %s closed (%s), continued session %s",
                    ticket.getUsername(), reason.get(), ended ? "terminée" : "déjà terminée", ticket.getUsername(), reason.get(),
                    ended ? "ended" : "already gone");
            if (realm != null) {
                Map<String, String> details = new LinkedHashMap<>();
                details.put("action", "closed");
                details.put("reason", reason.get().name());
                details.put("userId", ticket.getUserId());
                details.put("username", ticket.getUsername());
                details.put("sessionEnded", Boolean.toString(ended));
                SystemAdminEvents.send(session, realm, now, SessionGraceNotes.RESOURCE_TYPE,
                        "relais-continuity/session-grace/" + ticket.getSessionId(), details);
            }
        }
    }

    @Override
    public String getTaskName() {
        return "relais-session-grace-sweep";
    }
}
