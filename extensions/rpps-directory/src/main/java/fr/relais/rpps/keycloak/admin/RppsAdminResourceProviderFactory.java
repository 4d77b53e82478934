package fr.relais.rpps.keycloak.admin;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

/**
 * {@code /admin/realms/{realm}/relais-rpps}: Keycloak's admin-side flavour of a realm resource. Keycloak
 * authenticates the bearer token exactly as for its own admin API (master-realm administrators
 * included) and hands over the permission evaluator, so the resource only has to demand the right role.
 */
public final class RppsAdminResourceProviderFactory implements AdminRealmResourceProviderFactory {

    public static final String PROVIDER_ID = "relais-rpps";

    private static final AdminRealmResourceProvider PROVIDER = new RppsAdminResourceProvider();

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return PROVIDER;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
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
