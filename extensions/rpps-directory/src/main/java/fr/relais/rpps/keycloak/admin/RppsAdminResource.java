package fr.relais.rpps.keycloak.admin;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import fr.relais.rpps.directory.ProfessionalRecord;
import fr.relais.rpps.health.LinkHealth;
import fr.relais.rpps.health.LinkHealthQuery;
import fr.relais.rpps.health.LinkHealthReport;
import fr.relais.rpps.importer.ImportRun;
import fr.relais.rpps.keycloak.directory.LinkedAccounts;
import fr.relais.rpps.keycloak.importer.RppsImport;
import fr.relais.rpps.keycloak.importer.UploadTooLargeException;
import fr.relais.rpps.keycloak.storage.KeycloakTables;
import fr.relais.rpps.keycloak.storage.RppsRepository;
import fr.relais.rpps.keycloak.user.RppsComponents;
import fr.relais.rpps.keycloak.user.RppsRealmConfig;
import fr.relais.spi.directory.ProfessionalDirectory;

/**
 * The RPPS directory's administration API, for realm administrators only (the {@code realm-admin} role,
 * or the master realm's administrators). The directory is shared by all realms of the server; a realm
 * reaches it through this API only once its administrators added the "Annuaire RPPS" component.
 *
 * <pre>
 * GET  imports?max=20                 import history, newest first
 * GET  imports/{id}                   one import
 * POST imports?force=false            check the configured source now (URL, else drop folder)
 * POST imports/upload?filename=…      import the request body (zip or .txt, as published)
 * GET  link-health?days=30            the RIE link-health report
 * GET  professionals/{idNat}          the directory's record
 * POST accounts/{idNat}               create the linked account of a professional of the directory
 * </pre>
 */
public final class RppsAdminResource {

    private static final Logger LOG = Logger.getLogger(RppsAdminResource.class);
    private static final int REPORT_LIST_LIMIT = 1000;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    RppsAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    @GET
    @Path("imports")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ImportRun> imports(@QueryParam("max") @DefaultValue("20") int max) throws Exception {
        requireRealmAdminWithDirectory();
        return importService().history(Math.max(1, Math.min(max, 500)));
    }

    @GET
    @Path("imports/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public ImportRun importRun(@PathParam("id") String id) throws Exception {
        requireRealmAdminWithDirectory();
        return importService().find(id).orElseThrow(() -> new NotFoundException("Import inconnu : " + id));
    }

    @POST
    @Path("imports")
    @Produces(MediaType.APPLICATION_JSON)
    public Response startImport(@QueryParam("force") @DefaultValue("false") boolean force) {
        requireRealmAdminWithDirectory();
        String message = importService().start(adminName(), force);
        LOG.infof("RPPS import requested by %s (force=%s)", adminName(), force);
        return Response.accepted(Map.of("message", message + " Suivez-le dans l'historique des imports.")).build();
    }

    @POST
    @Path("imports/upload")
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "application/zip", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@QueryParam("filename") String fileName, @QueryParam("force") @DefaultValue("false") boolean force,
                           @HeaderParam(HttpHeaders.CONTENT_LENGTH) @DefaultValue("-1") long contentLength,
                           InputStream body) throws Exception {
        requireRealmAdminWithDirectory();
        if (fileName == null || fileName.isBlank()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("error",
                    "Paramètre filename obligatoire, par exemple PS_LibreAcces_202611280000.zip : le nom indique le contenu."))
                    .build();
        }
        try {
            importService().upload(body, contentLength, fileName, adminName(), force);
        } catch (UploadTooLargeException e) {
            return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE).entity(Map.of("error", e.getMessage())).build();
        } catch (IOException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Map.of("error", "Fichier refusé : " + e.getMessage())).build();
        }
        LOG.infof("RPPS extraction %s uploaded by %s (force=%s)", fileName, adminName(), force);
        return Response.accepted(Map.of("message", "Fichier " + fileName
                + " reçu ; import lancé. Suivez-le dans l'historique des imports.")).build();
    }

    @GET
    @Path("link-health")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> linkHealth(@QueryParam("days") @DefaultValue("30") int days) {
        RppsRealmConfig config = requireRealmAdminWithDirectory();
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        LinkHealthQuery query = new LinkHealthQuery(KeycloakTables.of(em));
        LinkHealthReport report = em.unwrap(Session.class).doReturningWork(connection ->
                new LinkHealth(REPORT_LIST_LIMIT).classify(realm.getName(), Clock.systemUTC().millis(),
                        query.directoryLoaded(connection), config.verificationPeriodDays(), Math.max(1, days),
                        query.accounts(connection, realm.getId()), query.changes(connection, realm.getId())));
        return Map.of("summary", report.summary(), "report", report);
    }

    @GET
    @Path("professionals/{idNat}")
    @Produces(MediaType.APPLICATION_JSON)
    public ProfessionalRecord professional(@PathParam("idNat") String idNat) {
        requireRealmAdminWithDirectory();
        return repository().find(idNat)
                .orElseThrow(() -> new NotFoundException("idNat_PS absent de l'annuaire RPPS : " + idNat));
    }

    /** The deliberate way to give a professional of the directory an account (e.g. a new locum). */
    @POST
    @Path("accounts/{idNat}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response createAccount(@PathParam("idNat") String idNat) {
        RppsRealmConfig config = requireRealmAdminWithDirectory();
        auth.users().requireManage();
        ProfessionalRecord professional = repository().find(idNat)
                .orElseThrow(() -> new NotFoundException("idNat_PS absent de l'annuaire RPPS : " + idNat));
        UserModel existing = session.users()
                .searchForUserByUserAttributeStream(realm, ProfessionalDirectory.ID_NAT_PS_ATTRIBUTE, idNat)
                .findFirst().orElse(null);
        if (existing != null) {
            return Response.status(Response.Status.CONFLICT).entity(Map.of("error",
                    "Un compte porte déjà cet idNat_PS : " + existing.getUsername(), "id", existing.getId())).build();
        }
        UserModel account = new LinkedAccounts(session, Clock.systemUTC()).open(realm, config, professional)
                .orElse(null);
        if (account == null) {
            return Response.status(Response.Status.CONFLICT).entity(Map.of("error",
                    "Le nom d'utilisateur " + idNat + " est déjà pris par un compte qui ne porte pas cet idNat_PS.")).build();
        }
        LOG.infof("Realm %s: linked account for %s created by %s", realm.getName(), idNat, adminName());
        return Response.status(Response.Status.CREATED)
                .entity(Map.of("id", account.getId(), "username", account.getUsername())).build();
    }

    private RppsRealmConfig requireRealmAdminWithDirectory() {
        auth.requireRealmAdmin();
        return RppsComponents.of(realm).orElseThrow(() -> new NotFoundException(
                "Le royaume " + realm.getName() + " n'utilise pas l'annuaire RPPS (composant « relais-rpps » absent)."));
    }

    private RppsImport importService() {
        return session.getProvider(RppsImport.class);
    }

    /** The database itself, not the node's cache: an administrator looks at the live directory. */
    private RppsRepository repository() {
        return RppsRepository.live(session);
    }

    private String adminName() {
        UserModel admin = auth.adminAuth().getUser();
        return admin == null ? "admin" : admin.getUsername();
    }
}
