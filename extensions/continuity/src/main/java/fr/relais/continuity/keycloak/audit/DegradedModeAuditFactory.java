package fr.relais.continuity.keycloak.audit;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * Degraded-mode audit, enabled per realm like any required action. It never asks the user anything:
 * it adds the upstream states to the event of every login made during an outage, which the
 * outage report ({@code .../relais-continuity/outages}) reads back.
 */
public final class DegradedModeAuditFactory implements RequiredActionFactory {

    public static final String PROVIDER_ID = "relais-degraded-mode-audit";

    /** Login event details it adds, which the outage report reads back. */
    public static final String DEGRADED = "relais_degraded";
    public static final String UPSTREAMS = "relais_upstreams";
    public static final String CREDENTIALS = "relais_credentials";
    public static final String GRACE = "relais_session_grace";

    private static final DegradedModeAudit SINGLETON = new DegradedModeAudit();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "Relais - degraded-mode audit (tags logins made during an outage)";
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return List.of();
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
