package fr.relais.rpps.keycloak.importer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.jboss.logging.Logger;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.cache.UserCache;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.storage.UserStorageUtil;

import fr.relais.rpps.importer.ImportBusyException;
import fr.relais.rpps.importer.ImportJob;
import fr.relais.rpps.importer.ImportRequest;
import fr.relais.rpps.importer.ImportRun;
import fr.relais.rpps.importer.ImportRuns;
import fr.relais.rpps.importer.ImportTrigger;
import fr.relais.rpps.keycloak.storage.KeycloakTables;
import fr.relais.rpps.keycloak.storage.RppsEntityProviderFactory;
import fr.relais.rpps.source.DropFolderSource;
import fr.relais.rpps.source.ExtractionSource;
import fr.relais.rpps.source.FetchedExtraction;
import fr.relais.rpps.source.UrlSource;
import fr.relais.rpps.store.RppsTables;

/**
 * Runs imports on this node, one at a time, on a thread of its own: the scheduled checks, an
 * administrator's request and an upload all end up here. Keycloak's timer thread only submits work, so
 * a 40-second import never delays the server's other timers.
 */
final class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    /** A file copied into the drop folder is left alone until it has not changed for this long. */
    private static final Duration SETTLE_DELAY = Duration.ofSeconds(60);

    private final KeycloakSessionFactory factory;
    private final ImportServerConfig config;
    private final Clock clock = Clock.systemUTC();
    private final String node = nodeName();
    private final ExecutorService executor;
    private final AtomicReference<String> lastCheck = new AtomicReference<>("aucune vérification depuis le démarrage");
    private volatile RppsTables tables;

    ImportService(KeycloakSessionFactory factory, ImportServerConfig config) {
        this.factory = factory;
        this.config = config;
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            // The import shares Keycloak's cores with the logins: it runs below them (see BackgroundPriority).
            Thread thread = new Thread(() -> {
                BackgroundPriority.lowerCurrentThread(config.threadNice());
                runnable.run();
            }, "relais-rpps-import");
            thread.setDaemon(true);
            return thread;
        });
    }

    ImportServerConfig config() {
        return config;
    }

    /** The daily download; also what an administrator's "import now" starts when a URL is configured. */
    void submitUrlCheck(String triggeredBy, ImportTrigger trigger, boolean forced) {
        if (config.sourceUrl() == null) {
            return;
        }
        submit(() -> check(urlSource(), trigger, triggeredBy, forced, true));
    }

    void submitDropFolderCheck(String triggeredBy, ImportTrigger trigger, boolean forced) {
        submit(() -> check(new DropFolderSource(config.dropFolder(), clock, forced ? Duration.ZERO : SETTLE_DELAY),
                trigger, triggeredBy, forced, false));
    }

    /**
     * Copies an uploaded extraction to the work folder (streamed, never held in memory) and imports it.
     *
     * @throws UploadTooLargeException when the body exceeds the configured size
     * @throws IOException when the file cannot be stored
     */
    void submitUpload(InputStream body, String fileName, String triggeredBy, boolean forced) throws IOException {
        // One folder per upload: the reader recognises files by name, so the administrator's name is kept.
        Path folder = Files.createDirectories(config.workFolder().resolve("upload-" + System.nanoTime()));
        Path file = folder.resolve(safeName(fileName));
        long size;
        try (InputStream limited = new BoundedInputStream(body, config.maxUploadBytes(), config.dropFolder())) {
            size = Files.copy(limited, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            Files.deleteIfExists(folder);
            throw e;
        }
        FetchedExtraction upload = new FetchedExtraction(List.of(file), fileName + ":" + size, null, true);
        submit(() -> {
            importFetched(upload, "téléversement : " + fileName, ImportTrigger.UPLOAD, triggeredBy, forced);
            try {
                Files.deleteIfExists(folder);
            } catch (IOException ignored) {
                // An empty folder left in the work folder harms nothing.
            }
        });
    }

    List<ImportRun> history(int limit) throws Exception {
        return transactions().inTransaction(connection -> new ImportRuns(tables()).latest(connection, limit));
    }

    Optional<ImportRun> find(String id) throws Exception {
        return transactions().inTransaction(connection -> new ImportRuns(tables()).find(connection, id));
    }

    /** For the server info page. */
    Map<String, String> operationalInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("source-url", config.sourceUrl() == null ? "(none)" : config.sourceUrl().toString());
        info.put("download-time", config.downloadTime().toString());
        info.put("drop-folder", config.dropFolder().toString());
        info.put("scope", config.settings().scope().describe());
        info.put("last-check", lastCheck.get());
        return info;
    }

    void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void submit(Runnable work) {
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    if (executor.isShutdown()) {
                        // The server stopping under a running check (its database closes first) is no fault.
                        LOG.infof("RPPS import check cut short by the server stopping: %s", e.getMessage());
                    } else {
                        LOG.errorf(e, "RPPS import check failed");
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("RPPS import not started: the server is shutting down");
        }
    }

    private void check(ExtractionSource source, ImportTrigger trigger, String triggeredBy, boolean forced,
                       boolean recordUnchanged) {
        Optional<FetchedExtraction> fetched;
        try {
            Optional<String> last = forced ? Optional.empty() : transactions().inTransaction(
                    connection -> new ImportRuns(tables()).lastImportedVersion(connection, source.description()));
            fetched = source.fetch(last);
        } catch (Exception e) {
            String message = "Source " + source.description() + " indisponible : " + e.getMessage()
                    + ". L'annuaire en place reste utilisé.";
            lastCheck.set(clock.instant() + " : " + message);
            LOG.warn(message);
            return;
        }
        if (fetched.isEmpty()) {
            lastCheck.set(clock.instant() + " : " + source.description() + " inchangée");
            if (recordUnchanged) {
                recordSkipped(source, trigger, triggeredBy);
            }
            return;
        }
        importFetched(fetched.get(), source.description(), trigger, triggeredBy, forced);
    }

    private void importFetched(FetchedExtraction fetched, String description, ImportTrigger trigger,
                               String triggeredBy, boolean forced) {
        try {
            ImportRun run = job().run(new ImportRequest(fetched.files(), description, fetched.version(),
                    fetched.modifiedAt(), trigger, triggeredBy, forced));
            lastCheck.set(clock.instant() + " : " + run.status() + ", " + run.message());
        } catch (ImportBusyException e) {
            lastCheck.set(clock.instant() + " : " + e.getMessage());
            LOG.info(e.getMessage());
        } finally {
            fetched.discard();
        }
    }

    private void recordSkipped(ExtractionSource source, ImportTrigger trigger, String triggeredBy) {
        try {
            job().recordSkipped(source.description(), trigger, triggeredBy,
                    "Extraction inchangée depuis le dernier import ; rien à faire.");
        } catch (Exception e) {
            LOG.warnf(e, "Could not record the RPPS source check");
        }
    }

    /**
     * Linked accounts carry their RPPS attributes in Keycloak's user cache, and the token claims come from the
     * node's professional cache; once an import's change is committed every node reloads them (the user cache
     * clear is propagated through the cluster, and the other nodes empty their professional cache when they
     * receive it).
     */
    private void clearCaches() {
        RppsEntityProviderFactory.professionals(factory).invalidateAll();
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            UserCache cache = UserStorageUtil.userCache(session);
            if (cache != null) {
                cache.clear();
            }
        });
    }

    private ImportJob job() {
        return new ImportJob(transactions(), tables(), config.settings(), clock, node, this::clearCaches);
    }

    private KeycloakTransactions transactions() {
        return new KeycloakTransactions(factory, config.transactionTimeoutSeconds());
    }

    private UrlSource urlSource() {
        AtomicReference<UrlSource> source = new AtomicReference<>();
        KeycloakModelUtils.runJobInTransaction(factory, session -> source.set(new UrlSource(config.sourceUrl(),
                session.getProvider(HttpClientProvider.class).getHttpClient(), config.workFolder())));
        return source.get();
    }

    /** The schema Keycloak's tables live in, as Keycloak itself qualifies its native queries. */
    private RppsTables tables() {
        RppsTables known = tables;
        if (known == null) {
            AtomicReference<RppsTables> resolved = new AtomicReference<>();
            KeycloakModelUtils.runJobInTransaction(factory, session -> resolved.set(
                    KeycloakTables.of(session.getProvider(JpaConnectionProvider.class).getEntityManager())));
            known = resolved.get();
            tables = known;
        }
        return known;
    }

    private static String safeName(String name) {
        String base = name == null ? "" : name.replaceAll(".*[/\\\\]", "");
        String safe = base.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() ? "extraction.txt" : safe;
    }

    private static String nodeName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node-" + ProcessHandle.current().pid();
        }
    }

    /** Stops reading an upload at the configured size instead of filling the disk. */
    private static final class BoundedInputStream extends java.io.FilterInputStream {
        private final long limit;
        private final Path dropFolder;
        private long read;

        BoundedInputStream(InputStream in, long limit, Path dropFolder) {
            super(in);
            this.limit = limit;
            this.dropFolder = dropFolder;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws IOException {
            read += n;
            if (read > limit) {
                throw new UploadTooLargeException(limit, dropFolder);
            }
        }
    }
}
