package fr.relais.continuity.keycloak.breakglass;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.TimerProvider;

import fr.relais.continuity.keycloak.NotedSessionEnder;

/**
 * Emergency access (RIE v2 EXI RIE-PS 16). Holds the server-wide policy, which the admin resource
 * also applies when an administrator activates an access, and schedules the job that ends expired
 * emergency sessions.
 */
public final class BreakGlassAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "relais-break-glass";

    /** An expired emergency session ends within this delay. */
    private static final long SWEEP_INTERVAL_MILLIS = 15_000;

    private BreakGlassServerConfig config;
    private final BreakGlassStore store = new BreakGlassStore();
    /** Shared by the admin API's revocations and the sweep: one watch for what comes back. */
    private final NotedSessionEnder ender = new NotedSessionEnder();
    private Authenticator authenticator;

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Relais - emergency access (break-glass)";
    }

    @Override
    public String getHelpText() {
        return "Signs a professional in with an emergency code that an administrator activated for them through the "
                + "Relais admin API (never self-service), for 24 h at most. Place it as an ALTERNATIVE after the password "
                + "forms of the browser flow: it is then offered in the \"try another way\" list. Every attempt is logged "
                + "and the session's tokens carry acr=break-glass and only the roles named at activation.";
    }

    @Override
    public String getReferenceCategory() {
        return "break-glass";
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.ALTERNATIVE, Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return BreakGlassServerConfig.METADATA;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return authenticator;
    }

    @Override
    public void init(Config.Scope scope) {
        config = BreakGlassServerConfig.from(scope);
        authenticator = new BreakGlassAuthenticator(store, config.policy(), Clock.systemUTC());
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, session -> {
                    BreakGlassSweepTask sweep = new BreakGlassSweepTask(store, config.policy(), ender, Clock.systemUTC());
                    TimerProvider timer = session.getProvider(TimerProvider.class);
                    timer.schedule(new ClusterAwareScheduledTaskRunner(factory, sweep, SWEEP_INTERVAL_MILLIS),
                            SWEEP_INTERVAL_MILLIS, SWEEP_INTERVAL_MILLIS, sweep.getTaskName());
                    ender.scheduleWatch(factory, timer, sweep.getTaskName() + "-ended-sessions");
                });
            }
        });
    }

    /** The policy and default roles in force, for the admin resource. */
    public BreakGlassServerConfig config() {
        return config;
    }

    public BreakGlassStore store() {
        return store;
    }

    /** Ends the sessions a grant opened, at once (revocation through the admin API), and any that come back. */
    public int endSessions(KeycloakSession session, RealmModel realm, String userId, String grantId) {
        return ender.end(session, realm, userId, BreakGlassNotes.GRANT, grantId, Instant.now());
    }

    @Override
    public void close() {
    }
}
