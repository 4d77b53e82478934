package fr.relais.rpps.keycloak.importer;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.services.scheduled.ScheduledTaskRunner;
import org.keycloak.timer.ScheduledTask;
import org.keycloak.timer.TimerProvider;

import fr.relais.rpps.importer.ImportTrigger;

/**
 * Owns the node's import service and schedules it once the database is ready: the download once a day
 * on a single node of the cluster, the drop-folder check on every node (each node has its own disk).
 */
public final class RppsImportProviderFactory implements ProviderFactory<RppsImport>, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "default";

    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();
    private static final long FIRST_DROP_FOLDER_CHECK_MILLIS = Duration.ofSeconds(15).toMillis();

    private ImportServerConfig config;
    private ImportService service;

    @Override
    public RppsImport create(KeycloakSession session) {
        return new DefaultRppsImport(service);
    }

    @Override
    public void init(Config.Scope scope) {
        config = ImportServerConfig.from(scope);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        service = new ImportService(factory, config);
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                schedule(factory);
            }
        });
    }

    private void schedule(KeycloakSessionFactory factory) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            TimerProvider timer = session.getProvider(TimerProvider.class);
            if (config.sourceUrl() != null) {
                ScheduledTask download = task("relais-rpps-download",
                        () -> service.submitUrlCheck("planification", ImportTrigger.SCHEDULE, false));
                timer.schedule(new ClusterAwareScheduledTaskRunner(factory, download, DAY_MILLIS),
                        millisUntil(config.downloadTime()), DAY_MILLIS, download.getTaskName());
            }
            long interval = config.dropFolderInterval().toMillis();
            ScheduledTask dropFolder = task("relais-rpps-drop-folder",
                    () -> service.submitDropFolderCheck("dossier de dépôt", ImportTrigger.DROP_FOLDER, false));
            // A file dropped while the server was down is taken soon after start, not one interval later.
            long firstCheck = Math.min(interval, FIRST_DROP_FOLDER_CHECK_MILLIS);
            timer.schedule(new ScheduledTaskRunner(factory, dropFolder), firstCheck, interval, dropFolder.getTaskName());
        });
    }

    private static ScheduledTask task(String name, Runnable submit) {
        return new ScheduledTask() {
            @Override
            public void run(KeycloakSession session) {
                submit.run();
            }

            @Override
            public String getTaskName() {
                return name;
            }
        };
    }

    private static long millisUntil(LocalTime time) {
        ZonedDateTime now = ZonedDateTime.now();
        ZonedDateTime next = now.with(time);
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        return Duration.between(now, next).toMillis();
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ImportServerConfig.METADATA;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return service == null ? Map.of() : service.operationalInfo();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void close() {
        if (service != null) {
            service.close();
        }
    }
}
