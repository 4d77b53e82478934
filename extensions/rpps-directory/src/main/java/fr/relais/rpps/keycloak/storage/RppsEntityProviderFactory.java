package fr.relais.rpps.keycloak.storage;

import java.time.Duration;
import java.util.List;

import org.keycloak.Config;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import fr.relais.rpps.directory.ProfessionalCache;
import fr.relais.rpps.directory.TimeToLive;

/**
 * Adds the RPPS directory tables to Keycloak's database; Keycloak runs the changelog at startup, on
 * whichever database it uses (H2 for the local run, PostgreSQL on the appliance). Also holds the node's
 * {@link ProfessionalCache} of the token claims' lookups, emptied whenever an import changes the directory: on the
 * importing node by the import itself, on the others by the user-cache clear it sends across the cluster.
 */
public final class RppsEntityProviderFactory implements JpaEntityProviderFactory {

    public static final String PROVIDER_ID = "relais-rpps";
    public static final String CHANGELOG = "META-INF/relais-rpps-changelog.xml";

    static final String CACHE_SECONDS = "professional-cache-seconds";
    static final int DEFAULT_CACHE_SECONDS = 600;
    static final String CACHE_ENTRIES = "professional-cache-entries";
    /** A professional with his activities takes a few kilobytes: some 20 MB of heap for a large site's staff. */
    static final int DEFAULT_CACHE_ENTRIES = 5_000;
    /**
     * The task key of Keycloak's own user-cache clear ({@code InfinispanUserCacheProviderFactory.USER_CLEAR_CACHE_EVENTS},
     * in a module extensions do not compile against): every other node receives it when one clears its user cache.
     */
    private static final String USER_CACHE_CLEARED = "USER_CLEAR_CACHE_EVENTS";

    private ProfessionalCache professionals = ProfessionalCache.OFF;

    private static final JpaEntityProvider PROVIDER = new JpaEntityProvider() {
        @Override
        public List<Class<?>> getEntities() {
            return List.of(ProfessionalEntity.class, ActivityEntity.class, ImportRunEntity.class);
        }

        @Override
        public String getChangelogLocation() {
            return CHANGELOG;
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

    /** The node's cache of the token claims' and visiting professionals' lookups. */
    public static ProfessionalCache professionals(KeycloakSessionFactory factory) {
        return ((RppsEntityProviderFactory) factory.getProviderFactory(JpaEntityProvider.class, PROVIDER_ID)).professionals();
    }

    ProfessionalCache professionals() {
        return professionals;
    }

    @Override
    public void init(Config.Scope config) {
        int seconds = config.getInt(CACHE_SECONDS, DEFAULT_CACHE_SECONDS);
        int entries = config.getInt(CACHE_ENTRIES, DEFAULT_CACHE_ENTRIES);
        if (seconds < 0 || entries < 1) {
            throw new IllegalArgumentException("spi-jpa-entity-provider--" + PROVIDER_ID + "--" + CACHE_SECONDS
                    + " must be 0 (off) or a number of seconds and --" + CACHE_ENTRIES + " at least 1, not "
                    + seconds + " and " + entries);
        }
        professionals = new ProfessionalCache(TimeToLive.of(Duration.ofSeconds(seconds), entries));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, session -> {
                    ClusterProvider cluster = session.getProvider(ClusterProvider.class);
                    if (cluster != null) {
                        cluster.registerListener(USER_CACHE_CLEARED, cleared -> professionals.invalidateAll());
                    }
                });
            }
        });
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(CACHE_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE)
                    .defaultValue(DEFAULT_CACHE_SECONDS)
                    .helpText("Durée maximale (secondes) pendant laquelle un nœud garde la fiche RPPS d'un professionnel lue pour "
                            + "ses jetons (revendication rpps), pour ne pas relire l'annuaire à chaque connexion. Chaque "
                            + "import qui change l'annuaire vide ce cache sur tous les nœuds ; la durée ne borne que le cas d'un "
                            + "nœud qui n'aurait pas reçu ce signal. 0 : désactivé. / Longest time a node keeps the RPPS record "
                            + "read for a professional's tokens; every import that changes the directory empties it on all nodes; "
                            + "0 turns it off.")
                    .add()
                .property().name(CACHE_ENTRIES).type(ProviderConfigProperty.INTEGER_TYPE)
                    .defaultValue(DEFAULT_CACHE_ENTRIES)
                    .helpText("Nombre de fiches gardées par nœud (les moins récemment lues font place aux nouvelles) ; "
                            + "quelques kilo-octets chacune. / Records kept per node, least recently used first out.")
                    .add()
                .build();
    }

    @Override
    public void close() {
    }
}
