package fr.relais.continuity.keycloak.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import fr.relais.continuity.grace.SessionGracePolicy;
import fr.relais.continuity.keycloak.ProbedUpstreamHealthFactory;
import fr.relais.spi.health.UpstreamHealth;

/**
 * {@code GET .../session-grace}: the cached-session grace policy in force, so that the attestation
 * dossier can show whether the reserve is used.
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
        SessionGracePolicy policy = ((ProbedUpstreamHealthFactory) session.getKeycloakSessionFactory()
                .getProviderFactory(UpstreamHealth.class, ProbedUpstreamHealthFactory.PROVIDER_ID)).gracePolicy();
        return new GraceView(policy.enabled(), policy.extension().toMinutes(), policy.window().toMinutes(), policy.enabled(),
                policy.enabled()
                        ? "Grâce de session activée : pendant une panne de Pro Santé Connect, la session d’un professionnel "
                          + "sans moyen utilisable hors ligne peut être prolongée une fois. Réserve à déclarer dans "
                          + "l’attestation de conformité RIE (EXI RIE-PS 13 et 17)."
                        : "Grâce de session désactivée (réglage par défaut) : aucune réserve RIE à ce titre.");
    }
}
