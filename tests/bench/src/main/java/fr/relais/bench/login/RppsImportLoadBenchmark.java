package fr.relais.bench.login;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.relais.bench.rpps.SyntheticExtractionGenerator;
import fr.relais.bench.rpps.SyntheticExtractionGenerator.NamedProfessional;
import fr.relais.runner.DemoExtraction;
import fr.relais.runner.Folders;
import fr.relais.runner.PostgresServer;
import fr.relais.runner.PscConnection;
import fr.relais.runner.RelaisInstance;
import fr.relais.runner.Secrets;

/**
 * What an RPPS import does to the logins around it, in the real Keycloak on PostgreSQL 15 (both started
 * by the runner: the Keycloak distribution with the Relais providers, PostgreSQL from Maven artifacts).
 * Two things are measured apart, since one would hide the other:
 * <ul>
 *   <li>card-login throughput (a visiting professional's card, in the demo file and the synthetic one:
 *       each login's tokens look him up by idNat_PS for their RPPS claims, answered by the node's cache
 *       once read), with paced user searches by idNat_PS beside them, while the drop folder's
 *       full-size synthetic extraction is imported into an almost empty directory, at rest, and while the
 *       next day's file (1 % of the professionals gone) is imported;</li>
 *   <li>the latency of looking a professional up by idNat_PS through Keycloak's user search
 *       ({@code GET /admin/realms/relais/users?search=<idNat_PS>}, answered by the RPPS user storage) with no
 *       logins around it, at rest and while the full file is imported again: with 8 login workers keeping
 *       Keycloak's core busy, a request's latency is mostly its wait for that core. In every phase, the
 *       directory query inside each search is also timed by the server ({@code relais_rpps_query_seconds}
 *       on {@code /metrics}): the percentiles of a phase come from the histogram's bucket counts before
 *       and after it, so they are bucket upper bounds.</li>
 * </ul>
 * Beside each user search, the directory's query for the same idNat_PS goes straight to PostgreSQL over
 * JDBC from this driver: the floor the server-side figure compares with, at the same moment. Each phase
 * prints a timeline of where the cores went ({@link PhaseTimeline}). Card logins run first until the JIT
 * has caught up ({@link LoginBenchmark#warmUp}). Between two phases the benchmark waits for the machine to
 * fall quiet (the import's clean-up, PostgreSQL's autovacuum and its auto-analyze), and prints how long that took.
 * Keycloak is pinned to core 0 (or to the cores {@code -Drelais.bench.keycloak-cores} names) and this driver to
 * core 1; PostgreSQL is not pinned. Figures are printed,
 * never asserted. Run by hand:
 * <pre>
 * java -cp ... fr.relais.bench.login.RppsImportLoadBenchmark [professionals=740000] [workers=8] [lookupsPerSecond=50]
 * </pre>
 */
public final class RppsImportLoadBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMPORT_OPTION = "spi-relais-rpps-import--default--";
    /**
     * Fixed so that runs compare; {@code -Drelais.bench.ports=<https>,<management>} moves them when another
     * benchmark holds these on the machine.
     */
    private static final int[] PORTS = java.util.Arrays.stream(System.getProperty("relais.bench.ports", "28443,29000")
            .split(",")).mapToInt(p -> Integer.parseInt(p.trim())).toArray();
    private static final int HTTPS_PORT = PORTS[0];
    /**
     * Keycloak on core 0 by default, as the login benchmarks run it; {@code -Drelais.bench.keycloak-cores=0,1}
     * gives it both cores, as the appliance does: then its collector, compilers and import thread no longer
     * queue behind the request threads on one core.
     */
    private static final String KEYCLOAK_CORES = System.getProperty("relais.bench.keycloak-cores", "0");
    private static final Duration IDLE_WINDOW = Duration.ofSeconds(40);
    /** A visiting professional of the demo file, written into the synthetic one too: his card logins look him up. */
    private static final DemoExtraction.Visitor VISITOR = DemoExtraction.VISITORS.get(0);
    /** A card-login client with the shipped realm's RPPS claims mapper, which looks the professional up for every token. */
    private static final String DIRECTORY_CLIENT = "bench-card-rpps";
    private static final String QUERY = "relais_rpps_query_seconds";
    private static final String SEARCH = "query=\"search\"";
    private static final String FIND = "query=\"find\"";
    private static final String LOOKUP = "relais_rpps_lookup_seconds";
    private static final String CACHED = "answer=\"cache\"";
    /** The directory's objective for a read by idNat_PS, p99 within 2 ms: a bucket boundary of the server's histogram. */
    private static final double OBJECTIVE_SECONDS = 0.002;
    private static final Pattern IMPORT_STAGES = Pattern.compile("loaded with [^;]*? in \\d+ ms, checked and applied in \\d+ ms");

    public static void main(String[] args) throws Exception {
        int professionals = args.length > 0 ? Integer.parseInt(args[0]) : 740_000;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int lookupsPerSecond = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        LoginBenchmark.pin(ProcessHandle.current(), "1");

        Path root = Path.of(System.getProperty("relais.bench.root", "/tmp/relais-rpps-load-bench"));
        Folders.deleteRecursively(root);
        Path work = Files.createDirectories(root.resolve("extractions"));
        Path full = work.resolve("PS_LibreAcces_Personne_activite_202611200000.txt");
        long written = new SyntheticExtractionGenerator(1).write(full, professionals, List.of(new NamedProfessional(
                VISITOR.idNatPs().substring(1), VISITOR.givenName(), VISITOR.surname(),
                Integer.toString(VISITOR.professionCode()))));
        System.out.printf(Locale.ROOT, "%s: %d professionals and %s, %d lines%n", full, professionals, VISITOR.idNatPs(),
                written);
        List<String> sample = sampleIdNats(full, 5_000);
        Path shrunk = work.resolve("PS_LibreAcces_Personne_activite_202611210000.txt");
        long kept = withoutLastPercent(full, shrunk);
        System.out.printf(Locale.ROOT, "next-day file: %d lines (1 %% of the professionals gone)%n", kept);

        try (RelaisInstance relais = RelaisInstance.start(root, new RelaisInstance.Ports(HTTPS_PORT, PORTS[1]),
                "https://dui.invalid", "https://viatrajectoire.invalid", PscConnection.unconfigured(),
                RelaisInstance.Database.POSTGRESQL,
                settings -> {
                    settings.runtimeOption(IMPORT_OPTION + "drop-folder-interval-seconds", "1");
                    // -Drelais.bench.thread-nice=0: the import thread at the requests' priority, to compare.
                    String nice = System.getProperty("relais.bench.thread-nice");
                    if (nice != null) {
                        settings.runtimeOption(IMPORT_OPTION + "thread-nice", nice);
                    }
                    LoginBenchmark.optionsIfAsked(settings);
                })) {
            LoginBenchmark.pin(relais.process().jvm(), KEYCLOAK_CORES);
            BenchRealm realm = new BenchRealm(relais);
            realm.create();
            realm.cardClientWithDirectoryClaims(RelaisInstance.REALM, DIRECTORY_CLIENT);
            Admin admin = new Admin(relais);
            DirectLookup direct = new DirectLookup(relais.postgres().orElseThrow());
            admin.awaitImport(DemoExtraction.FILE_NAME);
            Login card = Login.certificate("relais-card", RelaisInstance.REALM, DIRECTORY_CLIENT,
                    relais.pki().presenting(relais.pki().card(VISITOR)), HTTPS_PORT);
            // The first login opens the visitor's linked account; from then on every login looks him up.
            card.perform(0);
            admin.requireLinkedAccount(VISITOR.idNatPs());
            // The user search's own code path warms up beside the logins, on professionals the demo file holds.
            AtomicBoolean warm = new AtomicBoolean();
            List<String> demoIdNats = DemoExtraction.VISITORS.stream().map(DemoExtraction.Visitor::idNatPs).toList();
            Thread warmSearches = new Thread(() -> searchUntil(warm, admin, direct, demoIdNats, lookupsPerSecond,
                    new ArrayList<>()));
            warmSearches.start();
            LoginBenchmark.warmUp(relais, realm, List.of(card), workers);
            warm.set(true);
            warmSearches.join();

            List<String> lines = new ArrayList<>();
            realm.endSessions();
            lines.add(measure("import into an empty directory", relais, admin, direct, card, workers, lookupsPerSecond, sample,
                    full));
            lines.add(awaitQuiet("after the first import"));
            realm.endSessions();
            lines.add(measure("idle (directory loaded)", relais, admin, direct, card, workers, lookupsPerSecond, sample, null));
            realm.endSessions();
            lines.add(measure("import of the next day's file", relais, admin, direct, card, workers, lookupsPerSecond, sample,
                    shrunk));
            lines.add(awaitQuiet("after the next day's import"));
            lines.add(measure("lookups only, idle", relais, admin, direct, card, 0, lookupsPerSecond, sample, null));
            Path again = work.resolve("PS_LibreAcces_Personne_activite_202611220000.txt");
            Files.move(full, again);
            lines.add(measure("lookups only, full file again", relais, admin, direct, card, 0, lookupsPerSecond, sample, again));
            System.out.println("\nProfessionals: " + professionals + ", login workers: " + workers
                    + ", user searches: " + lookupsPerSecond + "/s");
            lines.forEach(System.out::println);
            direct.close();
        }
    }

    /**
     * Waits (at most five minutes) until the machine's CPUs are more than 90 % idle over two seconds: the
     * work an import leaves behind it, in Keycloak and in PostgreSQL, is over.
     */
    private static String awaitQuiet(String when) throws Exception {
        long began = System.nanoTime();
        long[] previous = PhaseTimeline.machineTicks();
        while (System.nanoTime() - began < Duration.ofMinutes(5).toNanos()) {
            Thread.sleep(2_000);
            long[] now = PhaseTimeline.machineTicks();
            double busy = (double) (now[1] - previous[1]) / Math.max(1, now[0] - previous[0]);
            previous = now;
            if (busy < 0.10) {
                return String.format(Locale.ROOT, "%-32s machine quiet again after %.0f s", when,
                        (System.nanoTime() - began) / 1e9);
            }
        }
        return String.format(Locale.ROOT, "%-32s machine still busy after 5 min: the next phase is not at rest", when);
    }

    /** Card logins and paced user searches, for a fixed time ({@code extraction} null) or during its import. */
    private static String measure(String name, RelaisInstance relais, Admin admin, DirectLookup direct, Login card, int workers,
                                  int lookupsPerSecond, List<String> sample, Path extraction) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Search> searches = new ArrayList<>();
        Thread lookups = new Thread(() -> searchUntil(stop, admin, direct, sample, lookupsPerSecond, searches));
        JsonNode[] run = new JsonNode[1];
        Map<Double, Double> bucketsBefore = admin.buckets(QUERY, SEARCH);
        Map<Double, Double> findBucketsBefore = admin.buckets(QUERY, FIND);
        Map<Double, Double> cachedBucketsBefore = admin.buckets(LOOKUP, CACHED);
        lookups.start();
        long cpuBefore = LoginBenchmark.cpuNanos(relais.process().jvm());
        Map<String, Long> requestCpuBefore = LoginBenchmark.requestThreadsCpuNanos(relais.process().jvm());
        LongAdder done = new LongAdder();
        LoginBenchmark.Result logins;
        PhaseTimeline.DirectoryReads reads = () -> {
            Map<Double, Double> find = admin.buckets(QUERY, FIND);
            return new double[] {find.getOrDefault(Double.POSITIVE_INFINITY, 0.0), find.getOrDefault(OBJECTIVE_SECONDS, 0.0)};
        };
        try (PhaseTimeline timeline = PhaseTimeline.start(name, relais.process().jvm(), done, reads)) {
            logins = LoginBenchmark.drive(card, workers, () -> {
                if (extraction == null) {
                    Thread.sleep(IDLE_WINDOW.toMillis());
                    return;
                }
                Path dropped = relais.installation().rppsDropFolder().resolve(extraction.getFileName());
                Files.copy(extraction, dropped);
                // Copied long ago as far as the settle delay is concerned: the import starts at the next check.
                Files.setLastModifiedTime(dropped, FileTime.from(Instant.now().minusSeconds(3600)));
                run[0] = admin.awaitImport(extraction.getFileName().toString());
            }, done);
        }
        // Keycloak's CPU over the window, import included: per login it shows what the import costs the logins.
        logins = logins.withCpu(LoginBenchmark.cpuNanos(relais.process().jvm()) - cpuBefore,
                LoginBenchmark.delta(requestCpuBefore, LoginBenchmark.requestThreadsCpuNanos(relais.process().jvm())));
        stop.set(true);
        lookups.join();
        Map<Double, Double> buckets = delta(bucketsBefore, admin.buckets(QUERY, SEARCH));
        Map<Double, Double> findBuckets = delta(findBucketsBefore, admin.buckets(QUERY, FIND));
        Map<Double, Double> cachedBuckets = delta(cachedBucketsBefore, admin.buckets(LOOKUP, CACHED));
        double finds = findBuckets.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        double cached = cachedBuckets.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        // The logins' token claims look their visitor up through the node's cache; the directory reads are those
        // lookups' misses, the account loads Keycloak's user cache misses, and one per professional a search lists.
        String idNatLookups = String.format(Locale.ROOT,
                " | lookups by idNat_PS answered by the node's cache (server side): %.0f (%.1f per login), p50 <= %.3f ms,"
                        + " p99 <= %.3f ms | directory reads by idNat_PS: %.0f, p50 <= %.2f ms, p99 <= %.2f ms,"
                        + " over 2 ms: %.2f %%",
                cached, cached / Math.max(1, logins.logins()), bucketPercentile(cachedBuckets, 0.50) * 1e3,
                bucketPercentile(cachedBuckets, 0.99) * 1e3, finds, bucketPercentile(findBuckets, 0.50) * 1e3,
                bucketPercentile(findBuckets, 0.99) * 1e3,
                100 * (finds - findBuckets.getOrDefault(OBJECTIVE_SECONDS, Double.NaN)) / Math.max(1, finds));
        long[] sorted = searches.stream().mapToLong(Search::nanos).sorted().toArray();
        long[] directSorted = searches.stream().mapToLong(Search::directNanos).sorted().toArray();
        printSlowest(name, searches);
        String importPart = run[0] == null ? "" : String.format(Locale.ROOT, "  [import %s in %.1f s (%s): %s]",
                run[0].path("status").asText(), run[0].path("durationMs").asLong() / 1000.0,
                stages(run[0].path("report").asText()), run[0].path("message").asText());
        return String.format(Locale.ROOT, "%-32s %s%s | user search by idNat_PS: %d, p50 %.1f ms, p99 %.1f ms"
                        + " | its directory query (server side, %.0f): p50 <= %.2f ms, p99 <= %.2f ms"
                        + " | the same query over JDBC from the driver (%d): p50 %.2f ms, p99 %.2f ms%s",
                name, workers == 0 ? "no card logins" : "card logins " + logins, idNatLookups, sorted.length, LoginBenchmark.percentile(sorted, 0.50) / 1e6,
                LoginBenchmark.percentile(sorted, 0.99) / 1e6, buckets.getOrDefault(Double.POSITIVE_INFINITY, 0.0),
                bucketPercentile(buckets, 0.50) * 1e3, bucketPercentile(buckets, 0.99) * 1e3, directSorted.length,
                LoginBenchmark.percentile(directSorted, 0.50) / 1e6, LoginBenchmark.percentile(directSorted, 0.99) / 1e6,
                importPart);
    }

    /** Where the import's time went, as its report says it ("loaded with ... in N ms, checked and applied in M ms"). */
    private static String stages(String report) {
        Matcher stages = IMPORT_STAGES.matcher(report);
        return stages.find() ? stages.group() : "stages not in its report";
    }

    private static Map<Double, Double> delta(Map<Double, Double> before, Map<Double, Double> after) {
        Map<Double, Double> delta = new TreeMap<>();
        after.forEach((le, count) -> delta.put(le, count - before.getOrDefault(le, 0.0)));
        return delta;
    }

    /** The upper bound of the histogram bucket holding the {@code p} quantile (cumulative bucket counts). */
    private static double bucketPercentile(Map<Double, Double> cumulative, double p) {
        double total = cumulative.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            if (total > 0 && bucket.getValue() >= p * total) {
                return bucket.getKey();
            }
        }
        return Double.NaN;
    }

    /**
     * Paced user searches, each followed by the directory's own query for the same idNat_PS sent straight to
     * PostgreSQL: the floor the server-side figure compares with, on the same machine at the same moment.
     */
    private static void searchUntil(AtomicBoolean stop, Admin admin, DirectLookup direct, List<String> sample,
                                    int perSecond, List<Search> out) {
        SplittableRandom random = new SplittableRandom(7);
        long interval = 1_000_000_000L / perSecond;
        long next = System.nanoTime();
        while (!stop.get()) {
            try {
                String idNat = sample.get(random.nextInt(sample.size()));
                long start = System.nanoTime();
                admin.search(idNat);
                long nanos = System.nanoTime() - start;
                out.add(new Search(start, nanos, direct.time(idNat)));
                next += interval;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            } catch (Exception e) {
                System.err.println("user search: " + e);
            }
        }
    }

    /** One user search: when it started ({@link System#nanoTime}), its latency, and the JDBC floor's right after. */
    private record Search(long startNanos, long nanos, long directNanos) {
    }

    /**
     * The ten slowest searches of a phase with their second in it, to set beside the phase's timeline: a
     * slow search next to a fast JDBC query points at Keycloak, both slow at PostgreSQL or the machine.
     */
    private static void printSlowest(String phase, List<Search> searches) {
        if (searches.isEmpty()) {
            return;
        }
        long began = searches.get(0).startNanos();
        System.out.println(phase + ", slowest user searches (second of the phase: search / JDBC floor, ms): "
                + searches.stream().sorted(java.util.Comparator.comparingLong(Search::nanos).reversed()).limit(10)
                .map(x -> String.format(Locale.ROOT, "%.1f s: %.1f / %.2f", (x.startNanos() - began) / 1e9,
                        x.nanos() / 1e6, x.directNanos() / 1e6))
                .collect(java.util.stream.Collectors.joining(", ")));
    }

    /** idNat_PS values spread over the file (column 3), read once before the server starts. */
    private static List<String> sampleIdNats(Path extraction, int count) throws Exception {
        List<String> all = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(extraction, StandardCharsets.UTF_8)) {
            in.readLine();
            String previous = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String idNat = line.split("\\|", 4)[2];
                if (!idNat.equals(previous)) {
                    all.add(idNat);
                    previous = idNat;
                }
            }
        }
        SplittableRandom random = new SplittableRandom(3);
        List<String> sample = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sample.add(all.get(random.nextInt(all.size())));
        }
        return sample;
    }

    /** The same file without the lines of its last 1 % of professionals. */
    private static long withoutLastPercent(Path full, Path out) throws Exception {
        long professionals = 0;
        try (BufferedReader in = Files.newBufferedReader(full, StandardCharsets.UTF_8)) {
            in.readLine();
            String previous = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String idNat = line.split("\\|", 4)[2];
                if (!idNat.equals(previous)) {
                    professionals++;
                    previous = idNat;
                }
            }
        }
        long keep = professionals - professionals / 100;
        long lines = 0;
        try (BufferedReader in = Files.newBufferedReader(full, StandardCharsets.UTF_8);
             BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            writer.write(in.readLine());
            writer.write('\n');
            String previous = null;
            long seen = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String idNat = line.split("\\|", 4)[2];
                if (!idNat.equals(previous)) {
                    seen++;
                    previous = idNat;
                }
                if (seen > keep) {
                    break;
                }
                writer.write(line);
                writer.write('\n');
                lines++;
            }
        }
        return lines;
    }

    /**
     * The lookup by idNat_PS as the directory sends it (the professional by primary key, then his
     * activities in key order with a row limit), over one JDBC connection of the driver's, every column
     * read as a string.
     */
    private static final class DirectLookup implements AutoCloseable {
        private final Connection connection;
        private final PreparedStatement professional;
        private final PreparedStatement activities;

        DirectLookup(PostgresServer postgres) throws Exception {
            connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), "");
            professional = connection.prepareStatement("SELECT * FROM RELAIS_RPPS_PROFESSIONAL WHERE ID_NAT = ?");
            activities = connection.prepareStatement("SELECT * FROM RELAIS_RPPS_ACTIVITY WHERE ID_NAT IN (?)"
                    + " ORDER BY ID_NAT, ACTIVITY_NO FETCH FIRST 100 ROWS ONLY");
        }

        long time(String idNat) throws Exception {
            long start = System.nanoTime();
            if (readAll(professional, idNat) > 0) {
                readAll(activities, idNat);
            }
            return System.nanoTime() - start;
        }

        private static int readAll(PreparedStatement query, String idNat) throws Exception {
            query.setString(1, idNat);
            int count = 0;
            try (ResultSet rows = query.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    count++;
                    for (int c = 1; c <= columns; c++) {
                        rows.getString(c);
                    }
                }
            }
            return count;
        }

        @Override
        public void close() throws Exception {
            connection.close();
        }
    }

    /** The admin REST calls of the benchmark, with a token renewed before the admin CLI's one-minute expiry. */
    private static final class Admin {
        private final RelaisInstance relais;
        private final HttpClient http;
        private volatile String token;
        private volatile long tokenAt;

        Admin(RelaisInstance relais) {
            this.relais = relais;
            this.http = HttpClient.newBuilder().sslContext(relais.pki().serverTrust()).build();
        }

        void search(String idNat) throws Exception {
            HttpResponse<String> response = get("/admin/realms/" + RelaisInstance.REALM + "/users?search=" + idNat);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("user search " + response.statusCode() + " " + response.body());
            }
        }

        /**
         * The cumulative bucket counts of one histogram series (e.g. {@code relais_rpps_query_seconds} with
         * {@code query="find"}), by upper bound in seconds, from Keycloak's {@code /metrics} on the management port.
         */
        Map<Double, Double> buckets(String histogram, String label) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("https://localhost:"
                    + relais.managementPort() + "/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString());
            Map<Double, Double> buckets = new TreeMap<>();
            String prefix = histogram + "_bucket{" + label + ",le=\"";
            for (String line : response.body().split("\n")) {
                if (line.startsWith(prefix)) {
                    String le = line.substring(prefix.length(), line.indexOf('"', prefix.length()));
                    buckets.put(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le),
                            Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
                }
            }
            return buckets;
        }

        /** Fails unless the realm holds an account for this idNat_PS linked to the RPPS user storage. */
        void requireLinkedAccount(String idNat) throws Exception {
            JsonNode users = JSON.readTree(get("/admin/realms/" + RelaisInstance.REALM + "/users?exact=true&username="
                    + idNat).body());
            if (users.size() != 1 || users.get(0).path("federationLink").asText().isEmpty()) {
                throw new IllegalStateException("no account linked to the directory for " + idNat + ": " + users);
            }
        }

        /** Waits for the import of the named file to end; returns its run. */
        JsonNode awaitImport(String fileName) throws Exception {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(20));
            while (Instant.now().isBefore(deadline)) {
                HttpResponse<String> response = get("/admin/realms/" + RelaisInstance.REALM + "/relais-rpps/imports?max=20");
                for (JsonNode run : JSON.readTree(response.body())) {
                    if (fileName.equals(run.path("fileName").asText()) && !"RUNNING".equals(run.path("status").asText())) {
                        return run;
                    }
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("no import of " + fileName + " ended within 20 minutes");
        }

        private HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(relais.baseUrl() + path))
                    .header("Authorization", "Bearer " + token()).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        private synchronized String token() throws Exception {
            if (token == null || System.currentTimeMillis() - tokenAt > 30_000) {
                String form = "grant_type=password&client_id=admin-cli&username=" + RelaisInstance.ADMIN_USERNAME
                        + "&password=" + URLEncoder.encode(relais.secrets().get(Secrets.ADMIN_PASSWORD), StandardCharsets.UTF_8);
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(relais.baseUrl()
                                + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                token = JSON.readTree(response.body()).get("access_token").asText();
                tokenAt = System.currentTimeMillis();
            }
            return token;
        }
    }
}
