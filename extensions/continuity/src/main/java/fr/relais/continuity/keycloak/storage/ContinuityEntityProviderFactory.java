package fr.relais.continuity.keycloak.storage;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Adds the continuity tables to Keycloak's database, created and migrated by Liquibase. */
public final class ContinuityEntityProviderFactory implements JpaEntityProviderFactory {

    public static final String PROVIDER_ID = "relais-continuity";

    private static final JpaEntityProvider PROVIDER = new JpaEntityProvider() {
        @Override
        public List<Class<?>> getEntities() {
            return List.of(UpstreamHealthEntity.class, UpstreamTransitionEntity.class,
                    BreakGlassGrantEntity.class, BreakGlassAccessEntity.class, SessionGraceEntity.class);
        }

        @Override
        public String getChangelogLocation() {
            return "META-INF/relais-continuity-changelog.xml";
        }

        @Override
        public String getFactoryId() {
            return PROVIDER_ID;
        }

        @Override
        public void close() {
        }
    };

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
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
