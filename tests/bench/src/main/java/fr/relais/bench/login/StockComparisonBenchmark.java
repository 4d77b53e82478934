package fr.relais.bench.login;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.net.ssl.SSLContext;

import fr.relais.runner.DemoPki;
import fr.relais.runner.DemoProfessional;
import fr.relais.runner.DistributionArtifacts;
import fr.relais.runner.Folders;
import fr.relais.runner.KeycloakInstallation;
import fr.relais.runner.KeycloakProcess;
import fr.relais.runner.RelaisInstance;
import fr.relais.runner.Secrets;
import fr.relais.runner.ServerSettings;

/**
 * Start time and memory of Relais against stock Keycloak, in one run with interleaved repeats (the
 * appliance's targets: ready within 1.2× stock's start time; 10,000 card sessions within 1.1× stock's
 * memory). Both are the same Keycloak distribution, laid out and started the same way on this host:
 * {@code kc.sh build} with the appliance's build options ({@code conf/keycloak.conf}: client certificate
 * requested, health, metrics), then {@code start --optimized}, H2 dev-file database, kc.sh's default
 * heap, local caches, HTTPS with the same server certificate and card authorities. Relais adds its
 * overlay (providers, the baseline realm with the demo professionals) and logs in with the shipped card
 * flow; stock holds a realm with Keycloak's default settings, the same professional, and Keycloak's own
 * X.509 authenticator alone in a flow (as the stock figures were measured).
 * <p>
 * Phases, each alternating the order of the two: set-up (fresh database, first start with schema
 * creation and import, the bench realm, stop); start time, {@code startRepeats} times each (seconds
 * from launch until {@code /health/ready} answers, on the existing database, as an operator's
 * restart); memory, {@code memoryRepeats} times each: start, resident memory of the JVM after 30 s at
 * rest, {@code logins} card logins (each a new session, kept: no logout, no cookie), {@code jcmd
 * GC.run}, resident memory again (a further memory repeat first sets up a fresh database). Keycloak
 * is not pinned to a core: on a shared machine it would get even less of one.
 * <pre>java -cp ... fr.relais.bench.login.StockComparisonBenchmark [startRepeats] [memoryRepeats] [logins] [workers]</pre>
 */
public final class StockComparisonBenchmark {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    public static void main(String[] args) throws Exception {
        int startRepeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int memoryRepeats = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int logins = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int workers = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        Path root = Path.of(System.getProperty("relais.bench.root", "/tmp/relais-bench-stock-comparison"));
        Folders.deleteRecursively(root);
        DemoProfessional claire = DemoProfessional.ALL.get(0);
        // Relais first: the stock candidate uses the demo PKI and secrets Relais makes at its first start.
        List<Candidate> candidates = List.of(new RelaisCandidate(root.resolve("relais"), claire),
                new StockCandidate(root.resolve("stock"), root.resolve("relais"), claire));
        Map<String, List<Double>> firstStarts = new LinkedHashMap<>();
        Map<String, List<Double>> starts = new LinkedHashMap<>();
        Map<String, List<Memory>> memory = new LinkedHashMap<>();

        for (Candidate candidate : candidates) {
            firstStarts.computeIfAbsent(candidate.name(), k -> new ArrayList<>()).add(setUp(candidate));
        }
        for (int repeat = 1; repeat <= startRepeats; repeat++) {
            for (Candidate candidate : inTurn(candidates, repeat)) {
                Instant launched = Instant.now();
                candidate.start();
                double seconds = seconds(launched);
                candidate.stop();
                starts.computeIfAbsent(candidate.name(), k -> new ArrayList<>()).add(seconds);
                System.out.printf(Locale.ROOT, "%s start %d %-6s ready in %5.1f s  (load average %s)%n",
                        java.time.LocalTime.now().withNano(0), repeat, candidate.name(), seconds, loadAverage());
            }
        }
        for (int repeat = 1; repeat <= memoryRepeats; repeat++) {
            for (Candidate candidate : inTurn(candidates, repeat)) {
                if (repeat > 1) {
                    setUp(candidate);
                }
                Memory figures = memory(candidate, logins, workers);
                memory.computeIfAbsent(candidate.name(), k -> new ArrayList<>()).add(figures);
                System.out.printf("%s memory %d %-6s %s  (load average %s)%n", java.time.LocalTime.now().withNano(0),
                        repeat, candidate.name(), figures, loadAverage());
            }
        }
        report(firstStarts, starts, memory);
    }

    /** Each repeat starts with the next candidate, so neither always runs first or second. */
    private static List<Candidate> inTurn(List<Candidate> candidates, int repeat) {
        List<Candidate> order = new ArrayList<>(candidates);
        Collections.rotate(order, repeat - 1);
        return order;
    }

    /** Fresh database, first start, the bench realm, stop; returns the first start's seconds. */
    private static double setUp(Candidate candidate) throws Exception {
        candidate.freshDatabase();
        Instant launched = Instant.now();
        candidate.start();
        double seconds = seconds(launched);
        try {
            candidate.prepareRealm();
        } finally {
            candidate.stop();
        }
        System.out.printf(Locale.ROOT, "%s set-up %-6s first start (schema, import) ready in %5.1f s  (load average %s)%n",
                java.time.LocalTime.now().withNano(0), candidate.name(), seconds, loadAverage());
        return seconds;
    }

    private static Memory memory(Candidate candidate, int logins, int workers) throws Exception {
        candidate.start();
        try {
            ProcessHandle jvm = candidate.process().jvm();
            Thread.sleep(30_000);
            long restKib = rssKib(jvm);
            long restHeapKib = heapUsedAfterGcKib(jvm);
            AtomicInteger done = new AtomicInteger();
            Login card = candidate.cardLogin();
            Login counted = new Login(card.name, card.port) {
                @Override
                void perform(int worker) throws Exception {
                    card.perform(worker);
                    done.incrementAndGet();
                }
            };
            LoginBenchmark.Result run = LoginBenchmark.drive(counted, workers, () -> {
                while (done.get() < logins) {
                    Thread.sleep(50);
                }
            });
            long heapKib = heapUsedAfterGcKib(jvm);
            Thread.sleep(5_000);
            return new Memory(restKib, restHeapKib, done.get(), run.errors(), run.perSecond(), rssKib(jvm), heapKib);
        } finally {
            candidate.stop();
        }
    }

    /** Resident memory and heap after a full GC, in KiB, at rest and after the logins. */
    record Memory(long restRssKib, long restHeapKib, int logins, long errors, double loginsPerSecond, long loadedRssKib,
                  long loadedHeapKib) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "at rest RSS %4d MiB (heap after GC %3d MiB)  %d logins (%d errors, %.0f/s)"
                            + "  then after full GC RSS %4d MiB (heap %3d MiB)",
                    restRssKib / 1024, restHeapKib / 1024, logins, errors, loginsPerSecond, loadedRssKib / 1024,
                    loadedHeapKib / 1024);
        }
    }

    private static void report(Map<String, List<Double>> firstStarts, Map<String, List<Double>> starts,
                               Map<String, List<Memory>> memory) {
        System.out.println("\nMedians of the repeats, and Relais / stock:");
        Map<String, double[]> medians = new LinkedHashMap<>();
        for (String name : starts.keySet()) {
            List<Memory> runs = memory.getOrDefault(name, List.of());
            double[] m = {
                median(firstStarts.get(name), x -> x), median(starts.get(name), x -> x),
                median(runs, f -> f.restRssKib() / 1024.0), median(runs, f -> f.loadedRssKib() / 1024.0),
                median(runs, f -> f.restHeapKib() / 1024.0), median(runs, f -> f.loadedHeapKib() / 1024.0)};
            medians.put(name, m);
            System.out.printf(Locale.ROOT, "%-6s first start %5.1f s  start %5.1f s %s  RSS at rest %4.0f MiB  RSS after logins + GC"
                    + " %4.0f MiB  heap after GC: at rest %3.0f MiB, after logins %3.0f MiB%n", name, m[0], m[1],
                    starts.get(name), m[2], m[3], m[4], m[5]);
        }
        double[] relais = medians.get("relais");
        double[] stock = medians.get("stock");
        System.out.printf(Locale.ROOT, "ratio  first start %.2f  start %.2f  RSS at rest %.2f  RSS after logins + GC %.2f%n",
                relais[0] / stock[0], relais[1] / stock[1], relais[2] / stock[2], relais[3] / stock[3]);
    }

    private static <T> double median(List<T> runs, java.util.function.ToDoubleFunction<T> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    /** A Keycloak to measure: started, stopped and logged into the same way as the other. */
    private abstract static class Candidate {
        abstract String name();

        abstract void freshDatabase() throws IOException;

        abstract void start() throws Exception;

        /** After the first start on a fresh database: the realm the card logs into. */
        abstract void prepareRealm() throws Exception;

        abstract KeycloakProcess process();

        abstract Login cardLogin();

        abstract void stop();
    }

    /** Relais as {@code ./relais dev} and the integration tests run it, with the shipped card flow. */
    private static final class RelaisCandidate extends Candidate {
        private final int port = freePort();
        private final int managementPort = freePort();
        private final Path root;
        private final DemoProfessional professional;
        private RelaisInstance relais;

        RelaisCandidate(Path root, DemoProfessional professional) {
            this.root = root;
            this.professional = professional;
        }

        @Override
        String name() {
            return "relais";
        }

        @Override
        void freshDatabase() throws IOException {
            Folders.deleteRecursively(root.resolve("keycloak/data/h2"));
        }

        @Override
        void start() {
            relais = RelaisInstance.start(root, new RelaisInstance.Ports(port, managementPort), "https://dui.invalid",
                    "https://viatrajectoire.invalid", settings -> { });
        }

        @Override
        void prepareRealm() throws Exception {
            new BenchRealm(relais).create();
        }

        @Override
        KeycloakProcess process() {
            return relais.process();
        }

        @Override
        Login cardLogin() {
            SSLContext card = relais.pki().presenting(relais.pki().card(professional));
            return Login.certificate("relais-card", RelaisInstance.REALM, "bench-card", card, port);
        }

        @Override
        void stop() {
            relais.close();
        }
    }

    /**
     * The same distribution without the Relais overlay, but with the same build options; it shares the
     * Relais candidate's demo PKI and secrets (server certificate, card authorities, admin password).
     */
    private static final class StockCandidate extends Candidate {
        private static final String CARD_TRUST_STORE_TYPE_OPTION = "https-trust-store-type=";

        private final int port = freePort();
        private final int managementPort = freePort();
        private final Path root;
        private final DemoProfessional professional;
        private final Path relaisRoot;
        private KeycloakInstallation installation;
        private DemoPki pki;
        private Secrets secrets;
        private KeycloakProcess keycloak;

        StockCandidate(Path root, Path relaisRoot, DemoProfessional professional) {
            this.root = root;
            this.relaisRoot = relaisRoot;
            this.professional = professional;
        }

        @Override
        String name() {
            return "stock";
        }

        @Override
        void freshDatabase() throws IOException {
            if (installation == null) {
                DistributionArtifacts relais = DistributionArtifacts.fromBuild();
                Path buildOptionsOnly = root.resolve("stock-overlay.zip");
                Files.createDirectories(root);
                copyEntry(relais.overlayZip(), "conf/keycloak.conf", buildOptionsOnly);
                installation = KeycloakInstallation.install(root.resolve("keycloak"),
                        new DistributionArtifacts(relais.keycloakVersion(), relais.keycloakZip(), buildOptionsOnly));
                // The Relais candidate made them at its first start (measure() starts it first in repeat 1).
                secrets = Secrets.loadOrCreate(relaisRoot.resolve("secrets.properties"));
                pki = DemoPki.loadOrCreate(relaisRoot.resolve("pki"), secrets.get(Secrets.PKI_PASSWORD));
            }
            Folders.deleteRecursively(installation.databaseDir());
        }

        @Override
        void start() {
            ServerSettings settings = ServerSettings.devFileDatabase().ports(port, managementPort)
                    .tls(pki.serverCertificate(), pki.serverKey(), pki.cardTrustStore(), secrets.get(Secrets.PKI_PASSWORD))
                    .bootstrapAdmin(RelaisInstance.ADMIN_USERNAME, secrets.get(Secrets.ADMIN_PASSWORD));
            keycloak = KeycloakProcess.start(installation, settings, pki.serverTrust(), root.resolve("keycloak.log"),
                    Duration.ofMinutes(5));
        }

        @Override
        void prepareRealm() throws Exception {
            new BenchRealm("https://localhost:" + port, secrets.get(Secrets.ADMIN_PASSWORD), pki.serverTrust())
                    .createStockX509Realm(professional);
        }

        @Override
        KeycloakProcess process() {
            return keycloak;
        }

        @Override
        Login cardLogin() {
            SSLContext card = pki.presenting(pki.card(professional));
            return Login.certificate("stock-x509", BenchRealm.STOCK_REALM, "bench-x509", card, port);
        }

        @Override
        void stop() {
            keycloak.close();
        }

        private static void copyEntry(Path zip, String name, Path target) throws IOException {
            try (InputStream raw = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(raw);
                 OutputStream out = Files.newOutputStream(target); ZipOutputStream zipOut = new ZipOutputStream(out)) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    if (entry.getName().equals(name)) {
                        zipOut.putNextEntry(new ZipEntry(name));
                        zipOut.write(withoutCardTrustStoreType(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                                .getBytes(StandardCharsets.UTF_8));
                        zipOut.closeEntry();
                        return;
                    }
                }
            }
            throw new IOException(name + " is not in " + zip);
        }

        /** Stock Keycloak has no card trust store type (the card TLS agent provides it). */
        private static String withoutCardTrustStoreType(String conf) {
            return conf.lines().filter(line -> !line.startsWith(CARD_TRUST_STORE_TYPE_OPTION))
                    .collect(Collectors.joining("\n", "", "\n"));
        }
    }

    /** A port free now (other benchmarks on this machine use the usual fixed ones). */
    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Resident memory of a process, from /proc. */
    private static long rssKib(ProcessHandle process) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + process.pid());
    }

    /** Runs a full GC in the JVM ({@code jcmd GC.run}) and returns the heap it then uses. */
    private static long heapUsedAfterGcKib(ProcessHandle jvm) throws Exception {
        jcmd(jvm, "GC.run");
        Matcher used = HEAP_USED.matcher(jcmd(jvm, "GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("no heap figure from jcmd GC.heap_info");
        }
        return Long.parseLong(used.group(1));
    }

    private static String jcmd(ProcessHandle jvm, String command) throws Exception {
        Process process = new ProcessBuilder("jcmd", Long.toString(jvm.pid()), command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + output);
        }
        return output;
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }
}
