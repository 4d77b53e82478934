package fr.relais.bench.rpps;

import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import fr.relais.rpps.importer.ImportJob;
import fr.relais.rpps.importer.ImportRequest;
import fr.relais.rpps.importer.ImportRun;
import fr.relais.rpps.importer.ImportSettings;
import fr.relais.rpps.importer.ImportTrigger;
import fr.relais.rpps.store.JdbcTransactions;
import fr.relais.rpps.store.RppsTables;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * The RPPS import on a full-size synthetic extraction, through Relais's own import code, into a real
 * PostgreSQL 15 started from Maven artifacts on the same machine (as on the appliance). Three imports in
 * a row: the first into an empty directory (or into a small one: the demo file, a FINESS-scoped import), the same file again (the usual daily case: nothing changed),
 * then the file with its last 1 % of professionals missing (departures). During each, another connection
 * looks professionals up by idNat_PS, the query a card login makes, paced like a busy site; heap use of
 * this JVM is sampled throughout. 5,000 accounts carry an idNat_PS of the file, so each import also
 * re-checks their links, as in Keycloak.
 *
 * <p>Run by hand, with the heap Keycloak gets on this machine, so that an import that did not stream
 * would fail here:
 * <pre>
 * ./mvnw -B -q install -DskipTests -pl tests/bench -am
 * ./mvnw -B -q -pl tests/bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 * java -Xmx512m -cp tests/bench/target/classes:$(cat tests/bench/target/classpath.txt) \
 *     fr.relais.bench.rpps.RppsImportBenchmark [workDir=/tmp/relais-rpps-bench] [professionals=740000] [postgres|h2] [initial=0]
 * </pre>
 * {@code -Drelais.bench.pg-settings=name=value,...} starts PostgreSQL with those server settings, to
 * compare a setting against the defaults in interleaved runs.
 * With {@code initial} above 0, the directory first holds the file's first {@code initial} professionals,
 * and the lookups during the first full import look those up (what logins do while a site widens its
 * directory to the country).
 */
public final class RppsImportBenchmark {

    private static final String CHANGELOG = "META-INF/relais-rpps-changelog.xml";
    private static final int LOOKUP_SAMPLE = 10_000;
    /** Accounts linked to RPPS, whose links each import re-checks: a large organisation's staff and visitors. */
    private static final int LINKED_ACCOUNTS = 5_000;
    /**
     * About 200 lookups a second by default: far above a real site's login rate, low enough not to hog a core.
     * {@code -Drelais.bench.lookup-pause-us=0} runs them back to back, as a floor measured in a tight loop is: on
     * this virtual machine a paced query pays a core's wake-up from idle, which a loop never does.
     */
    private static final long LOOKUP_PAUSE_NANOS = Long.getLong("relais.bench.lookup-pause-us", 5_000) * 1_000;

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "/tmp/relais-rpps-bench");
        int professionals = args.length > 1 ? Integer.parseInt(args[1]) : 740_000;
        boolean h2 = args.length > 2 && args[2].equalsIgnoreCase("h2");
        int initial = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Files.createDirectories(work);

        Path full = work.resolve("full").resolve("PS_LibreAcces_Personne_activite_202611280000.txt");
        Path shrunk = work.resolve("shrunk").resolve("PS_LibreAcces_Personne_activite_202611290000.txt");
        generate(full, professionals);
        generate(shrunk, professionals - professionals / 100);
        Path small = work.resolve("small-" + initial).resolve("PS_LibreAcces_Personne_activite_202611270000.txt");
        if (initial > 0) {
            generate(small, initial);
        }

        System.out.printf(Locale.ROOT, "JVM: %d cores, max heap %d MB; file %s: %.0f MB; %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, full,
                Files.size(full) / 1e6, h2 ? "H2 (file)" : "PostgreSQL");
        List<String> sample = sampleIdNats(full);

        if (h2) {
            // The local run command's database: H2 in a file, in Keycloak's JVM.
            org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
            dataSource.setURL("jdbc:h2:file:" + work.resolve("h2").resolve("keycloakdb") + ";NON_KEYWORDS=VALUE");
            dataSource.setUser("sa");
            run(dataSource, sample, full, shrunk, initial > 0 ? small : null);
            return;
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        // Server settings to compare, e.g. -Drelais.bench.pg-settings=shared_buffers=512MB,max_wal_size=4GB
        for (String setting : System.getProperty("relais.bench.pg-settings", "").split(",")) {
            int eq = setting.indexOf('=');
            if (eq > 0) {
                builder.setServerConfig(setting.substring(0, eq).trim(), setting.substring(eq + 1).trim());
                System.out.println("PostgreSQL setting: " + setting.trim());
            }
        }
        try (EmbeddedPostgres postgres = builder.start()) {
            run(postgres.getPostgresDatabase(), sample, full, shrunk, initial > 0 ? small : null);
        }
    }

    private static void run(DataSource dataSource, List<String> sample, Path full, Path shrunk, Path small)
            throws Exception {
        applyChangelog(dataSource);
        linkedAccounts(dataSource, sample.subList(0, LINKED_ACCOUNTS));
        ImportJob job = new ImportJob(new JdbcTransactions(dataSource), RppsTables.DEFAULT,
                ImportSettings.DEFAULTS, Clock.systemUTC(), "bench");

        lookups(dataSource, sample, () -> sleep(5_000));  // warm-up: JIT, server-side prepared statements
        if (small == null) {
            measure("first import (empty directory)", dataSource, sample, () -> job.run(request(full)));
        } else {
            ImportRun initial = job.run(request(small));
            System.out.printf(Locale.ROOT, "%ninitial directory: %s, %d professionals%n", initial.status(),
                    initial.professionals());
            List<String> present = sampleIdNats(small);
            lookups(dataSource, present, () -> sleep(5_000));
            measure("first import of the country (directory of " + initial.professionals() + ")", dataSource,
                    present, () -> job.run(request(full)));
        }
        System.gc();
        GcPauses idleGc = GcPauses.start();
        Latencies idle = lookups(dataSource, sample, () -> sleep(20_000));
        System.out.println("\n== idle, directory full: lookup by idNat_PS " + idle + "; " + idleGc.stop());
        measure("same file again (nothing changed)", dataSource, sample, () -> job.run(request(full)));
        measure("file without its last 1 % (departures)", dataSource, sample, () -> job.run(request(shrunk)));
    }

    @FunctionalInterface
    private interface Step {
        ImportRun run() throws Exception;
    }

    private static void measure(String name, DataSource dataSource, List<String> sample, Step step) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                sleepQuietly(20);
            }
        }, "heap-sampler");
        sampler.start();
        GcPauses gc = GcPauses.start();

        ImportRun[] run = new ImportRun[1];
        // The import runs on this thread: its CPU is what it takes from Keycloak's logins on a shared core.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        com.sun.management.ThreadMXBean allocations = (com.sun.management.ThreadMXBean) threads;
        long threadCpu = threads.getCurrentThreadCpuTime();
        long allocated = allocations.getCurrentThreadAllocatedBytes();
        long processCpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        Latencies during = lookups(dataSource, sample, () -> run[0] = step.run());
        double seconds = (System.nanoTime() - start) / 1e9;
        double importCpu = (threads.getCurrentThreadCpuTime() - threadCpu) / 1e9;
        long importAllocated = allocations.getCurrentThreadAllocatedBytes() - allocated;
        double jvmCpu = (os.getProcessCpuTime() - processCpu) / 1e9;
        running.set(false);
        sampler.join();
        String pauses = gc.stop();
        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();

        ImportRun r = run[0];
        System.out.printf(Locale.ROOT, "%n== %s: %s in %.1f s%n", name, r.status(), seconds);
        System.out.printf(Locale.ROOT, "   %d professionals, %d activities; new %d, changed %d, gone %d, rejected %d%n",
                r.professionals(), r.activities(), r.newCount(), r.changedCount(), r.goneCount(), r.rejectedCount());
        System.out.printf(Locale.ROOT, "   heap: baseline %d MB, peak %d MB (+%d MB, garbage included), "
                + "largest heap left by a GC during the import %d MB, after the import %d MB%n",
                baseline >> 20, peak.get() >> 20, (peak.get() - baseline) >> 20, gc.maxAfterGc() >> 20, after >> 20);
        System.out.printf(Locale.ROOT, "   CPU: import thread %.1f s, whole JVM %.1f s (GC, JIT compilers and the "
                + "lookups included)%n", importCpu, jvmCpu);
        // The import's garbage is what the young collections, which also pause the logins beside it, clean up;
        // the GC pauses printed below tell how G1 turned it into pauses.
        System.out.printf(Locale.ROOT, "   allocated by the import thread: %d MB (%d bytes per professional)%n",
                importAllocated >> 20, importAllocated / Math.max(1, r.professionals()));
        System.out.println("   " + pauses);
        System.out.println("   lookup by idNat_PS during the import: " + during);
        System.out.println("   per 2 s window (p99 ms): " + during.timeline(2_000));
        System.out.println("   " + r.message());
        System.out.println("   " + r.report().lines().findFirst().orElse(""));
    }

    /** Runs the step while another connection looks professionals up; returns the lookup latencies. */
    private static Latencies lookups(DataSource dataSource, List<String> sample, Step step) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        Latencies latencies = new Latencies();
        Thread prober = new Thread(() -> {
            SplittableRandom random = new SplittableRandom(7);
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement professional = connection.prepareStatement(
                         "SELECT * FROM RELAIS_RPPS_PROFESSIONAL WHERE ID_NAT = ?");
                 PreparedStatement activities = connection.prepareStatement(
                         "SELECT * FROM RELAIS_RPPS_ACTIVITY WHERE ID_NAT = ? ORDER BY ACTIVITY_NO")) {
                while (running.get()) {
                    String idNat = sample.get(random.nextInt(sample.size()));
                    long t = System.nanoTime();
                    professional.setString(1, idNat);
                    drain(professional.executeQuery());
                    activities.setString(1, idNat);
                    drain(activities.executeQuery());
                    latencies.add(System.nanoTime() - t);
                    if (LOOKUP_PAUSE_NANOS > 0) {
                        sleepNanos(LOOKUP_PAUSE_NANOS);
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "lookup-prober");
        prober.start();
        try {
            step.run();
        } finally {
            running.set(false);
            prober.join();
        }
        return latencies;
    }

    private static void drain(ResultSet rows) throws Exception {
        try (rows) {
            while (rows.next()) {
                rows.getString(1);
            }
        }
    }

    private static ImportRequest request(Path file) {
        return new ImportRequest(List.of(file), file.toString(), null, null, ImportTrigger.MANUAL, "bench", false);
    }

    private static void generate(Path file, int professionals) throws Exception {
        if (Files.exists(file)) {
            return;
        }
        Files.createDirectories(file.getParent());
        long lines = new SyntheticExtractionGenerator(1).write(file, professionals);
        System.out.printf(Locale.ROOT, "generated %s: %d professionals, %d lines%n", file, professionals, lines);
    }

    /** Every n-th idNat_PS of the file, so that lookups hit rows spread over the whole table. */
    private static List<String> sampleIdNats(Path file) throws Exception {
        List<String> all = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.readLine();
            String line;
            long n = 0;
            while ((line = reader.readLine()) != null) {
                if (n++ % 97 == 0) {
                    int first = line.indexOf('|');
                    int second = line.indexOf('|', first + 1);
                    int third = line.indexOf('|', second + 1);
                    all.add(line.substring(second + 1, third));
                }
            }
        }
        List<String> sample = new ArrayList<>(LOOKUP_SAMPLE);
        for (int i = 0; i < LOOKUP_SAMPLE; i++) {
            sample.add(all.get((int) ((long) i * all.size() / LOOKUP_SAMPLE)));
        }
        return sample;
    }

    @SuppressWarnings("deprecation")
    private static void applyChangelog(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database).update(new Contexts(), new LabelExpression());
        }
    }

    /**
     * The two Keycloak user tables the import joins to re-check links (the columns it reads, and Keycloak's
     * index on attribute name and value), with one account per idNat_PS given.
     */
    private static void linkedAccounts(DataSource dataSource, List<String> idNats) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            try (var statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS USER_ENTITY (ID VARCHAR(36) PRIMARY KEY, REALM_ID VARCHAR(255),"
                        + " USERNAME VARCHAR(255))");
                statement.execute("CREATE TABLE IF NOT EXISTS USER_ATTRIBUTE (ID VARCHAR(36) PRIMARY KEY, NAME VARCHAR(255) NOT NULL,"
                        + " VALUE VARCHAR(255), USER_ID VARCHAR(36) NOT NULL)");
                statement.execute("CREATE INDEX IF NOT EXISTS IDX_USER_ATTRIBUTE_NAME ON USER_ATTRIBUTE (NAME, VALUE)");
            }
            try (PreparedStatement user = connection.prepareStatement("INSERT INTO USER_ENTITY VALUES (?, 'bench', ?)");
                 PreparedStatement attribute = connection.prepareStatement(
                         "INSERT INTO USER_ATTRIBUTE VALUES (?, 'idnat_ps', ?, ?)")) {
                for (String idNat : idNats) {
                    String id = java.util.UUID.randomUUID().toString();
                    user.setString(1, id);
                    user.setString(2, idNat);
                    user.addBatch();
                    attribute.setString(1, java.util.UUID.randomUUID().toString());
                    attribute.setString(2, idNat);
                    attribute.setString(3, id);
                    attribute.addBatch();
                }
                user.executeBatch();
                attribute.executeBatch();
            }
        }
    }

    private static ImportRun sleep(long millis) {
        sleepQuietly(millis);
        return null;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepNanos(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            sleepQuietly(1);
        }
    }

    /** Collections of this JVM during a phase: they pause the lookups as they would pause logins. */
    private static final class GcPauses implements javax.management.NotificationListener {
        private final List<java.lang.management.GarbageCollectorMXBean> beans =
                ManagementFactory.getGarbageCollectorMXBeans();
        private long count;
        private long totalMillis;
        private long maxMillis;
        private long maxAfterGc;

        static GcPauses start() {
            GcPauses pauses = new GcPauses();
            for (var bean : pauses.beans) {
                ((javax.management.NotificationEmitter) bean).addNotificationListener(pauses, null, null);
            }
            return pauses;
        }

        @Override
        public synchronized void handleNotification(javax.management.Notification notification, Object handback) {
            if (!notification.getType().equals(
                    com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                return;
            }
            var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                    (javax.management.openmbean.CompositeData) notification.getUserData());
            if (info.getGcName().contains("Concurrent") || info.getGcName().contains("Cycles")) {
                return;  // concurrent phases do not stop application threads
            }
            count++;
            totalMillis += info.getGcInfo().getDuration();
            maxMillis = Math.max(maxMillis, info.getGcInfo().getDuration());
            long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                    .mapToLong(java.lang.management.MemoryUsage::getUsed).sum();
            maxAfterGc = Math.max(maxAfterGc, used);
        }

        synchronized long maxAfterGc() {
            return maxAfterGc;
        }

        synchronized String stop() {
            for (var bean : beans) {
                try {
                    ((javax.management.NotificationEmitter) bean).removeNotificationListener(this);
                } catch (javax.management.ListenerNotFoundException ignored) {
                    // already gone
                }
            }
            return String.format(Locale.ROOT, "GC pauses: %d, %d ms in total, longest %d ms", count, totalMillis,
                    maxMillis);
        }
    }

    /** Lookup latencies in nanoseconds. */
    private static final class Latencies {
        private final long origin = System.nanoTime();
        private long[] values = new long[1 << 16];
        private long[] times = new long[1 << 16];
        private int size;

        synchronized void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
                times = Arrays.copyOf(times, size * 2);
            }
            times[size] = System.nanoTime() - origin;
            values[size++] = nanos;
        }

        /** p99 per window, to see which step of the import slows lookups down. */
        synchronized String timeline(long windowMillis) {
            StringBuilder text = new StringBuilder();
            int start = 0;
            while (start < size) {
                long windowEnd = (times[start] / 1_000_000 / windowMillis + 1) * windowMillis * 1_000_000;
                int end = start;
                while (end < size && times[end] < windowEnd) {
                    end++;
                }
                long[] window = Arrays.copyOfRange(values, start, end);
                Arrays.sort(window);
                text.append(String.format(Locale.ROOT, "%.1f ", window[(int) (window.length * 0.99)] / 1e6));
                start = end;
            }
            return text.toString();
        }

        @Override
        public synchronized String toString() {
            if (size == 0) {
                return "no sample";
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            return String.format(Locale.ROOT, "%d lookups, p50 %.2f ms, p99 %.2f ms, max %.1f ms", size,
                    sorted[size / 2] / 1e6, sorted[(int) (size * 0.99)] / 1e6, sorted[size - 1] / 1e6);
        }
    }
}
