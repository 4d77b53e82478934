package fr.relais.continuity.keycloak.admin;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import fr.relais.continuity.grace.SessionGracePolicy;
import fr.relais.continuity.keycloak.ProbedUpstreamHealthFactory;
import fr.relais.continuity.keycloak.grace.SessionGraceStore;
import fr.relais.continuity.keycloak.storage.SessionGraceEntity;

/**
 * {@code GET .../session-grace}: the cached-session grace policy in force, so that the attestation
 * dossier can show whether the reserve is used; {@code GET .../session-grace/uses}: every grace
 * offered, whether it was used and how it ended (the audit trail of the reserve).
 */
public class SessionGraceResource {

    private final KeycloakSession session;
    private final AdminPermissionEvaluator auth;

    SessionGraceResource(KeycloakSession session, AdminPermissionEvaluator auth) {
        this.session = session;
        this.auth = auth;
    }

    public record GraceView(boolean enabled, long extensionMinutes, long windowMinutes, boolean rieReserve, String note) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public GraceView policy() {
        auth.realm().requireViewRealm();
        SessionGracePolicy policy = ProbedUpstreamHealthFactory.gracePolicy(session.getKeycloakSessionFactory());
        return new GraceView(policy.enabled(), policy.extension().toMinutes(), policy.window().toMinutes(), policy.enabled(),
                policy.enabled()
                        ? "Grâce de session activée : pendant une panne de Pro Santé Connect, la session d’un professionnel "
                          + "sans moyen utilisable hors ligne peut être prolongée une fois. Réserve à déclarer dans "
                          + "l’attestation de conformité RIE (EXI RIE-PS 13 et 17)."
                        : "Grâce de session désactivée (réglage par défaut) : aucune réserve RIE à ce titre.");
    }

    /** One grace offered: status OFFERED (not used yet), IN_USE, CLOSED (with its end reason). */
    public record GraceUse(String username, String userId, String status, String offeredAt, String sessionEnd, String until,
                           String usedAt, String endedAt, String endReason) {
    }

    @GET
    @Path("uses")
    @Produces(MediaType.APPLICATION_JSON)
    public List<GraceUse> uses(@QueryParam("max") Integer max) {
        auth.realm().requireViewEvents();
        int limit = max == null ? 100 : Math.max(1, Math.min(max, 1000));
        return new SessionGraceStore().recent(session, session.getContext().getRealm().getId(), limit).stream()
                .map(SessionGraceResource::view).toList();
    }

    private static GraceUse view(SessionGraceEntity row) {
        String status = row.getEndedAt() != null ? "CLOSED" : row.getUsedAt() != null ? "IN_USE" : "OFFERED";
        return new GraceUse(row.getUsername(), row.getUserId(), status, instant(row.getOfferedAt()), instant(row.getSessionEnd()),
                instant(row.getUntil()), instant(row.getUsedAt()), instant(row.getEndedAt()), row.getEndReason());
    }

    private static String instant(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis).toString();
    }
}
