package fr.relais.continuity.keycloak.admin;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import fr.relais.continuity.breakglass.BreakGlassPolicy;
import fr.relais.continuity.breakglass.EmergencyCode;
import fr.relais.continuity.breakglass.Grant;
import fr.relais.continuity.breakglass.RoleAllowance;
import fr.relais.continuity.keycloak.breakglass.BreakGlassAuthenticatorFactory;
import fr.relais.continuity.keycloak.breakglass.BreakGlassNotes;
import fr.relais.continuity.keycloak.breakglass.BreakGlassServerConfig;
import fr.relais.continuity.keycloak.breakglass.BreakGlassStore;
import fr.relais.continuity.keycloak.storage.BreakGlassAccessEntity;
import fr.relais.continuity.keycloak.storage.BreakGlassGrantEntity;

/**
 * {@code .../break-glass}: administrators activate, list and revoke emergency accesses (RIE v2 EXI
 * RIE-PS 16). Activation needs the right to manage the user, is refused to the user themselves
 * (never self-service), is bounded by the server policy, and returns the code once: only its hash is
 * kept. Every activation and revocation is an admin event naming the administrator.
 */
public class BreakGlassResource {

    private static final Logger LOG = Logger.getLogger(BreakGlassResource.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int DEFAULT_LIST = 100;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    BreakGlassResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    /**
     * @param username        the professional, by username (or userId)
     * @param durationMinutes how long; the server default when absent; never beyond the server maximum (24 h at most)
     * @param reason          why: kept in the audit trail
     * @param roles           roles the emergency session keeps in its tokens; the server default when absent
     */
    public record ActivationRequest(String username, String userId, Integer durationMinutes, String reason, List<String> roles) {
    }

    public record GrantView(String id, String userId, String username, String grantedBy, String reason, List<String> roles,
                            String createdAt, String expiresAt, String status, String revokedAt, String revokedBy,
                            int failedAttempts, int uses, String lastUsedAt, String closedAt) {
    }

    /** The only answer that ever contains the code. */
    public record ActivationView(GrantView grant, String code, String instructions) {
    }

    public record AccessView(String at, String outcome, String ipAddress) {
    }

    public record GrantDetailView(GrantView grant, List<AccessView> accesses) {
    }

    public record RefusalView(String error, String message) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response activate(ActivationRequest request) {
        if (request == null) {
            throw refusal(Response.Status.BAD_REQUEST, "INVALID_REQUEST", "Corps de requête JSON attendu.");
        }
        UserModel user = findUser(request);
        auth.users().requireManage(user);
        BreakGlassServerConfig config = factory().config();
        BreakGlassPolicy policy = config.policy();
        Instant now = Instant.now();
        UserModel admin = auth.adminAuth().getUser();
        BreakGlassPolicy.Decision decision = policy.decide(new BreakGlassPolicy.Request(
                admin == null ? null : admin.getId(), user.getId(),
                request.durationMinutes() == null ? null : Duration.ofMinutes(request.durationMinutes()),
                request.reason(), user.isEnabled(),
                store().hasActive(session, realm.getId(), user.getId(), now, policy)), now);
        if (!decision.approved()) {
            throw refusal(decision.refusal() == BreakGlassPolicy.Refusal.SELF_SERVICE ? Response.Status.FORBIDDEN
                            : decision.refusal() == BreakGlassPolicy.Refusal.ALREADY_ACTIVE ? Response.Status.CONFLICT
                            : Response.Status.BAD_REQUEST,
                    decision.refusal().name(), explain(decision.refusal(), policy));
        }
        RoleAllowance roles = request.roles() == null ? config.defaultRoles() : new RoleAllowance(new LinkedHashSet<>(request.roles()));
        requireExistingRoles(roles);

        String code = EmergencyCode.generate(RANDOM);
        String salt = EmergencyCode.newSalt(RANDOM);
        BreakGlassGrantEntity grant = new BreakGlassGrantEntity();
        grant.setId(UUID.randomUUID().toString());
        grant.setRealmId(realm.getId());
        grant.setUserId(user.getId());
        grant.setUsername(user.getUsername());
        grant.setGrantedById(admin.getId());
        grant.setGrantedBy(admin.getUsername() + " (" + auth.adminAuth().getRealm().getName() + ")");
        grant.setReason(request.reason().strip());
        grant.setRoles(roles.format());
        grant.setCreatedAt(now.toEpochMilli());
        grant.setExpiresAt(decision.expiresAt().toEpochMilli());
        grant.setCodeSalt(salt);
        grant.setCodeHash(EmergencyCode.hash(code, salt));
        store().persist(session, grant);

        GrantView view = view(grant, now);
        adminEvent.operation(OperationType.CREATE).resource(BreakGlassNotes.RESOURCE_TYPE)
                .resourcePath("relais-continuity", "break-glass", grant.getId())
                .detail("grantId", grant.getId()).detail("userId", user.getId()).detail("username", user.getUsername())
                .detail("expiresAt", view.expiresAt()).detail("reason", grant.getReason()).detail("roles", grant.getRoles())
                .representation(view).success();
        LOG.warnf("Accès de secours activé pour %s par %s jusqu'au %s, motif « %s » / emergency access granted",
                user.getUsername(), grant.getGrantedBy(), view.expiresAt(), grant.getReason());
        return Response.status(Response.Status.CREATED).entity(new ActivationView(view, code,
                "Communiquez ce code au professionnel par un canal sûr (en personne ou par téléphone après vérification "
                        + "de son identité). Il ne sera plus affiché. Le professionnel choisit « Accès de secours » sur la "
                        + "page de connexion.")).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<GrantView> list(@QueryParam("max") Integer max) {
        auth.users().requireView();
        Instant now = Instant.now();
        int limit = max == null || max < 1 ? DEFAULT_LIST : Math.min(max, 1000);
        return store().recent(session, realm.getId(), limit).stream().map(g -> view(g, now)).toList();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public GrantDetailView get(@PathParam("id") String id) {
        auth.users().requireView();
        BreakGlassGrantEntity grant = find(id);
        List<AccessView> accesses = store().accesses(session, grant.getId()).stream().map(BreakGlassResource::view).toList();
        return new GrantDetailView(view(grant, Instant.now()), accesses);
    }

    @DELETE
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public GrantView revoke(@PathParam("id") String id) {
        BreakGlassGrantEntity grant = find(id);
        UserModel user = session.users().getUserById(realm, grant.getUserId());
        if (user != null) {
            auth.users().requireManage(user);
        } else {
            auth.users().requireManage();
        }
        Instant now = Instant.now();
        UserModel admin = auth.adminAuth().getUser();
        if (grant.getRevokedAt() == null) {
            grant.setRevokedAt(now.toEpochMilli());
            grant.setRevokedBy(admin.getUsername() + " (" + auth.adminAuth().getRealm().getName() + ")");
        }
        int ended = factory().endSessions(session, realm, grant.getUserId(), grant.getId());
        if (grant.getClosedAt() == null) {
            grant.setClosedAt(now.toEpochMilli());
        }
        GrantView view = view(grant, now);
        adminEvent.operation(OperationType.DELETE).resource(BreakGlassNotes.RESOURCE_TYPE)
                .resourcePath("relais-continuity", "break-glass", grant.getId())
                .detail("userId", grant.getUserId()).detail("username", grant.getUsername())
                .detail("sessionsEnded", Integer.toString(ended))
                .representation(view).success();
        LOG.warnf("Accès de secours de %s révoqué par %s, %d session(s) terminée(s) / emergency access revoked",
                grant.getUsername(), grant.getRevokedBy(), ended);
        return view;
    }

    private UserModel findUser(ActivationRequest request) {
        UserModel user = null;
        if (request.userId() != null && !request.userId().isBlank()) {
            user = session.users().getUserById(realm, request.userId().trim());
        } else if (request.username() != null && !request.username().isBlank()) {
            user = session.users().getUserByUsername(realm, request.username().trim());
        }
        if (user == null) {
            auth.users().requireQuery();
            throw refusal(Response.Status.NOT_FOUND, "USER_NOT_FOUND", "Aucun compte de ce royaume ne porte cet identifiant.");
        }
        return user;
    }

    private void requireExistingRoles(RoleAllowance roles) {
        for (String role : roles.allowed()) {
            int slash = role.indexOf('/');
            boolean exists;
            if (slash < 0) {
                exists = realm.getRole(role) != null;
            } else {
                ClientModel client = realm.getClientByClientId(role.substring(0, slash));
                exists = client != null && client.getRole(role.substring(slash + 1)) != null;
            }
            if (!exists) {
                throw refusal(Response.Status.BAD_REQUEST, "UNKNOWN_ROLE", "Rôle inconnu dans ce royaume : " + role);
            }
        }
    }

    private BreakGlassGrantEntity find(String id) {
        return store().find(session, realm.getId(), id).orElseThrow(() -> {
            auth.users().requireView();
            return refusal(Response.Status.NOT_FOUND, "NOT_FOUND", "Aucun accès de secours ne porte cet identifiant.");
        });
    }

    private GrantView view(BreakGlassGrantEntity g, Instant now) {
        Grant grant = BreakGlassStore.grantOf(g);
        return new GrantView(g.getId(), g.getUserId(), g.getUsername(), g.getGrantedBy(), g.getReason(),
                RoleAllowance.parse(g.getRoles()).allowed().stream().sorted().toList(),
                text(g.getCreatedAt()), text(g.getExpiresAt()), grant.status(now, factory().config().policy()).name(),
                text(g.getRevokedAt()), g.getRevokedBy(), g.getFailedAttempts(), g.getUses(), text(g.getLastUsedAt()),
                text(g.getClosedAt()));
    }

    private static AccessView view(BreakGlassAccessEntity a) {
        return new AccessView(text(a.getOccurredAt()), a.getOutcome(), a.getIpAddress());
    }

    private static String text(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis).toString();
    }

    private static String explain(BreakGlassPolicy.Refusal refusal, BreakGlassPolicy policy) {
        return switch (refusal) {
            case SELF_SERVICE -> "Un administrateur ne peut pas s’ouvrir un accès de secours à lui-même.";
            case REASON_MISSING -> "Le motif est obligatoire (au moins " + policy.minReasonLength() + " caractères).";
            case DURATION_NOT_POSITIVE -> "La durée doit être positive.";
            case DURATION_TOO_LONG -> "La durée dépasse le maximum autorisé (" + policy.maxDuration().toHours() + " h).";
            case USER_DISABLED -> "Le compte est désactivé.";
            case ALREADY_ACTIVE -> "Ce professionnel a déjà un accès de secours actif ; révoquez-le avant d’en ouvrir un autre.";
        };
    }

    private static WebApplicationException refusal(Response.Status status, String error, String message) {
        return new WebApplicationException(Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new RefusalView(error, message)).build());
    }

    private BreakGlassAuthenticatorFactory factory() {
        return (BreakGlassAuthenticatorFactory) session.getKeycloakSessionFactory()
                .getProviderFactory(Authenticator.class, BreakGlassAuthenticatorFactory.PROVIDER_ID);
    }

    private BreakGlassStore store() {
        return factory().store();
    }

}
