package fr.relais.continuity.keycloak.admin;

import jakarta.ws.rs.Path;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code /admin/realms/<realm>/relais-continuity}: one sub-resource per concern. */
public class ContinuityAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    public ContinuityAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @Path("upstreams")
    public UpstreamsResource upstreams() {
        return new UpstreamsResource(session, auth);
    }

    @Path("break-glass")
    public BreakGlassResource breakGlass() {
        return new BreakGlassResource(session, realm, auth, adminEvent);
    }

    @Path("coverage")
    public CoverageResource coverage() {
        return new CoverageResource(session, realm, auth);
    }

    @Path("outages")
    public OutagesResource outages() {
        return new OutagesResource(session, realm, auth);
    }

    @Path("session-grace")
    public SessionGraceResource sessionGrace() {
        return new SessionGraceResource(session, auth);
    }
}
