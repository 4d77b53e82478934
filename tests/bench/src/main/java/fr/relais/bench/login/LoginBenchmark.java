package fr.relais.bench.login;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import fr.relais.runner.DemoProfessional;
import fr.relais.runner.Folders;
import fr.relais.runner.RelaisInstance;
import fr.relais.runner.Secrets;
import fr.relais.runner.ServerSettings;
import fr.relais.testpki.CertificateAuthority;

/**
 * Login throughput of Relais against stock Keycloak mechanisms, in one run, with interleaved repeats:
 * Keycloak pinned to core 0, this driver to core 1, each login a whole authorization-code flow on a
 * new TLS 1.3 connection. Run by hand (see the README of this module's parent folder):
 * <pre>java -cp ... fr.relais.bench.login.LoginBenchmark [warmupSeconds] [measureSeconds] [repeats] [workers]</pre>
 */
public final class LoginBenchmark {

    private static final String VERIFY_PROFILE = "VERIFY_PROFILE";
    private static final String VERIFY_PROFILE_FLIPPED = "relais-card-verify-profile-flipped";

    /** Puts the realm in the state a kind of login is measured in, before its warm-up. */
    private interface Preparation {
        void prepare(Login login) throws Exception;
    }

    private static Preparation prepare = login -> { };

    public static void main(String[] args) throws Exception {
        Duration warmup = Duration.ofSeconds(arg(args, 0, 30));
        Duration measure = Duration.ofSeconds(arg(args, 1, 60));
        int repeats = arg(args, 2, 3);
        int workers = arg(args, 3, 16);
        pin(ProcessHandle.current(), "1");

        Path root = Path.of(System.getProperty("relais.bench.root", "/tmp/relais-bench"));
        Folders.deleteRecursively(root);
        try (RelaisInstance relais = RelaisInstance.start(root, new RelaisInstance.Ports(18443, 19000),
                "https://dui.invalid", "https://viatrajectoire.invalid",
                settings -> {
                    settings.runtimeOption(RelaisInstance.CARD_OPTION + "crl-refresh-seconds", "5");
                    optionsIfAsked(settings);
                })) {
            pin(relais.process().jvm(), "0");
            DemoProfessional claire = DemoProfessional.ALL.get(0);
            BenchRealm benchRealm = new BenchRealm(relais);
            benchRealm.create();
            benchRealm.createStockRealm(claire);
            benchRealm.cardClientSigningEs256(RelaisInstance.REALM, "bench-card-es256");
            var card = relais.pki().presenting(relais.pki().card(claire));
            int port = 18443;
            String shipped = RelaisInstance.REALM;
            List<Login> logins = List.of(
                    Login.certificate("relais-card", shipped, "bench-card", card, port),
                    Login.certificate("stock-x509", shipped, "bench-x509", card, port),
                    // The shipped card login with its tokens signed ES256 instead of the realm's RS256.
                    Login.certificate("relais-card-es256", shipped, "bench-card-es256", card, port, "ES256"),
                    // The same two logins in a realm with Keycloak's default settings.
                    Login.certificate("relais-card@stock", BenchRealm.STOCK_REALM, "bench-card", card, port),
                    Login.certificate("stock-x509@stock", BenchRealm.STOCK_REALM, "bench-x509", card, port),
                    // The shipped card login with Keycloak's "Verify Profile" required action switched the other way.
                    Login.certificate(VERIFY_PROFILE_FLIPPED, shipped, "bench-card", card, port),
                    Login.password("bench-password", relais.pki().serverTrust(), port, claire.username(),
                            relais.secrets().get(Secrets.DEMO_USER_PASSWORD)),
                    Login.clientCredentials(relais.pki().serverTrust(), port, workers));
            // -Drelais.bench.only=relais-card,stock-x509: a subset, for profiling one kind of login.
            String only = System.getProperty("relais.bench.only");
            if (only != null) {
                List<String> names = List.of(only.split(","));
                logins = logins.stream().filter(login -> names.contains(login.name)).toList();
            }
            boolean verifyProfileShipped = benchRealm.requiredActionEnabled(shipped, VERIFY_PROFILE);
            System.out.println("Shipped realm: " + VERIFY_PROFILE + " enabled=" + verifyProfileShipped);
            prepare = login -> benchRealm.enableRequiredAction(shipped, VERIFY_PROFILE,
                    login.name.equals(VERIFY_PROFILE_FLIPPED) != verifyProfileShipped);
            Map<String, List<Result>> results = new LinkedHashMap<>();
            warmUp(relais, benchRealm, logins, workers);
            run(relais, benchRealm, logins, warmup, measure, repeats, workers, results);

            if (only != null && !only.contains("relais-card-1M-crl")) {
                report(results);
                return;
            }
            // The same card login with a national-size CRL (1,000,000 entries) for the card's authority.
            CertificateAuthority fort = relais.pki().hierarchy().fortPersonnes();
            Instant now = Instant.now();
            Files.write(root.resolve("crl-drop").resolve(fort.shortName() + ".crl"), fort.crl().revokeRandom(1_000_000)
                    .thisUpdate(now).nextUpdate(now.plus(Duration.ofDays(1))).crlNumber(BigInteger.valueOf(now.toEpochMilli()))
                    .buildDer());
            Thread.sleep(15_000);  // the background job picks it up within one refresh period
            run(relais, benchRealm, List.of(Login.certificate("relais-card-1M-crl", shipped, "bench-card", card, port)),
                    warmup, measure, repeats, workers, results);
            report(results);
        }
    }

    private static void run(RelaisInstance relais, BenchRealm realm, List<Login> logins, Duration warmup, Duration measure,
                            int repeats, int workers, Map<String, List<Result>> results) throws Exception {
        for (int repeat = 1; repeat <= repeats; repeat++) {
            // Each repeat starts one login further down the list, so no kind of login always runs
            // first (right after start-up, with the JIT still busy) or always after the same neighbour.
            List<Login> order = new ArrayList<>(logins);
            java.util.Collections.rotate(order, -(repeat - 1));
            for (Login login : order) {
                realm.endSessions();
                prepare.prepare(login);
                drive(login, workers, warmup, null);
                long cpuBefore = cpuNanos(relais.process().jvm());
                Map<String, Long> requestCpuBefore = requestThreadsCpuNanos(relais.process().jvm());
                Result result = drive(login, workers, measure, relais);
                long cpu = cpuNanos(relais.process().jvm()) - cpuBefore;
                result = result.withCpu(cpu, delta(requestCpuBefore, requestThreadsCpuNanos(relais.process().jvm())));
                results.computeIfAbsent(login.name, k -> new ArrayList<>()).add(result);
                System.out.printf("%s repeat %d %-20s %s%n", java.time.LocalTime.now().withNano(0), repeat, login.name, result);
            }
        }
    }

    /**
     * Every kind of login in turn, 20 s each, until Keycloak's JIT compilers took under 5 % of its core over
     * a whole round (at most 15 minutes). On its one core the compilers get only what the requests leave
     * them: minutes after a 15 s warm-up they still took 26–28 % of the core (RPPS import-load benchmark),
     * and with a fixed 30 s warm-up per kind throughput kept rising from one measure to the next for nine
     * minutes (card and stock X.509 alternating: 53, 66, 82, 93, 102, 119 logins/s), so the order of the
     * kinds decided the comparison. The sessions of the realm are ended before each kind (see
     * {@link BenchRealm#endSessions}).
     */
    static void warmUp(RelaisInstance relais, BenchRealm realm, List<Login> logins, int workers) throws Exception {
        long began = System.nanoTime();
        double compilers = 1;
        while (compilers >= 0.05 && System.nanoTime() - began < Duration.ofMinutes(15).toNanos()) {
            Map<String, Long> before = compilerThreadsCpuNanos(relais.process().jvm());
            long start = System.nanoTime();
            for (Login login : logins) {
                realm.endSessions();
                prepare.prepare(login);
                drive(login, workers, () -> Thread.sleep(20_000));
            }
            compilers = (double) delta(before, compilerThreadsCpuNanos(relais.process().jvm())) / (System.nanoTime() - start);
        }
        System.out.printf(java.util.Locale.ROOT, "warm-up: %.0f s of logins, JIT compilers at %.1f %% of the core over the last round%n",
                (System.nanoTime() - began) / 1e9, 100 * compilers);
    }

    private static Map<String, Long> compilerThreadsCpuNanos(ProcessHandle process) throws Exception {
        Map<String, Long> cpu = threadsCpuNanos(process);
        cpu.keySet().removeIf(key -> !threadName(key).contains("CompilerThre"));
        return cpu;
    }

    private static Result drive(Login login, int workers, Duration duration, RelaisInstance relais) throws Exception {
        return drive(login, workers, () -> Thread.sleep(duration.toMillis()));
    }

    /** Something to wait for while logins run: a fixed time, or the end of an import. */
    interface Window {
        void await() throws Exception;
    }

    /** Runs {@code login} on {@code workers} threads until {@code window} ends. */
    static Result drive(Login login, int workers, Window window) throws Exception {
        return drive(login, workers, window, new LongAdder());
    }

    /** The same, counting each login that succeeded in {@code done} as it ends, for whoever watches the run. */
    static Result drive(Login login, int workers, Window window, LongAdder done) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            Thread thread = new Thread(() -> {
                long[] mine = new long[1 << 20];
                int count = 0;
                while (!stop.get()) {
                    long start = System.nanoTime();
                    try {
                        login.perform(worker);
                        done.increment();
                        if (count < mine.length) {
                            mine[count++] = System.nanoTime() - start;
                        }
                    } catch (Exception e) {
                        if (errors.incrementAndGet() <= 3) {
                            System.err.println(login.name + ": " + e);
                        }
                    }
                }
                latencies.add(Arrays.copyOf(mine, count));
            });
            thread.start();
            threads.add(thread);
        }
        long began = System.nanoTime();
        window.await();
        Duration duration = Duration.ofNanos(System.nanoTime() - began);
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all.length, errors.get(), duration, percentile(all, 0.50), percentile(all, 0.99), 0, 0);
    }

    /**
     * @param serverCpuNanos  the whole Keycloak process: includes the JIT, GC and background jobs, whose
     *                        share per login grows whenever a busy machine slows the logins down
     * @param requestCpuNanos only the threads serving HTTP (Vert.x event loops: TLS and HTTP; executor
     *                        threads: Keycloak's request handling), the figure to compare on a shared machine
     */
    record Result(long logins, long errors, Duration duration, long p50Nanos, long p99Nanos, long serverCpuNanos,
                  long requestCpuNanos) {
        Result withCpu(long cpu, long requestCpu) {
            return new Result(logins, errors, duration, p50Nanos, p99Nanos, cpu, requestCpu);
        }

        double perSecond() {
            return logins / (duration.toMillis() / 1000.0);
        }

        double cpuMillisPerLogin() {
            return logins == 0 ? 0 : serverCpuNanos / 1e6 / logins;
        }

        double requestCpuMillisPerLogin() {
            return logins == 0 ? 0 : requestCpuNanos / 1e6 / logins;
        }

        @Override
        public String toString() {
            return String.format("%8.1f /s  cpu %6.2f ms/login  request threads %6.2f ms/login  p50 %6.1f ms  p99 %6.1f ms"
                    + "  errors %d", perSecond(), cpuMillisPerLogin(), requestCpuMillisPerLogin(), p50Nanos / 1e6,
                    p99Nanos / 1e6, errors);
        }
    }

    private static void report(Map<String, List<Result>> results) {
        System.out.println("\nMedian of repeats (by throughput), then the median request-thread CPU per login:");
        results.forEach((name, runs) -> {
            List<Result> sorted = new ArrayList<>(runs);
            sorted.sort((a, b) -> Double.compare(a.perSecond(), b.perSecond()));
            Result median = sorted.get(sorted.size() / 2);
            double[] requestCpu = runs.stream().mapToDouble(Result::requestCpuMillisPerLogin).sorted().toArray();
            System.out.printf("%-20s %s   (runs: %s; request-thread CPU median %.2f ms/login)%n", name, median,
                    runs.stream().map(r -> String.format("%.1f", r.perSecond())).toList(), requestCpu[requestCpu.length / 2]);
        });
    }

    static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }

    /** utime + stime of a process from /proc, in nanoseconds (clock ticks are 100 Hz on Linux). */
    static long cpuNanos(ProcessHandle process) throws Exception {
        String[] fields = Files.readString(Path.of("/proc/" + process.pid() + "/stat")).replaceAll(".*\\) ", "").split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 10_000_000L;
    }

    /**
     * utime + stime of each Keycloak thread that serves HTTP requests (Vert.x event loops: TLS and HTTP;
     * executor threads: Keycloak's request handling), keyed as {@link #threadsCpuNanos}.
     */
    static Map<String, Long> requestThreadsCpuNanos(ProcessHandle process) throws Exception {
        Map<String, Long> cpu = threadsCpuNanos(process);
        cpu.keySet().removeIf(key -> {
            String name = threadName(key);
            return !name.startsWith("executor-thread") && !name.startsWith("vert.x-eventloo");
        });
        return cpu;
    }

    /**
     * utime + stime of each thread of {@code process}, keyed "thread id/name" (the name as the kernel keeps
     * it, 15 characters at most), from /proc/[pid]/task: the pools let idle threads go, so sums are compared
     * thread by thread.
     */
    static Map<String, Long> threadsCpuNanos(ProcessHandle process) throws Exception {
        Map<String, Long> cpu = new java.util.HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + process.pid() + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (java.io.IOException threadGone) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                cpu.put(task.getFileName() + "/" + name, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L);
            }
        }
        return cpu;
    }

    static String threadName(String key) {
        return key.substring(key.indexOf('/') + 1);
    }

    /** CPU used between two readings by the threads alive at the second (a thread that ended is not counted). */
    static long delta(Map<String, Long> before, Map<String, Long> after) {
        long sum = 0;
        for (Map.Entry<String, Long> thread : after.entrySet()) {
            sum += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
        }
        return sum;
    }

    /**
     * {@code -Drelais.bench.jfr=/path/to/file.jfr}: a Flight Recording of the Keycloak JVM over the whole run;
     * {@code -Drelais.bench.gclog=/path/to/gc.log}: its garbage collections;
     * {@code -Drelais.bench.jvm-options="..."}: more options for it (another garbage collector, heap sizes);
     * {@code -Drelais.bench.build-options="name=value;..."}: more Keycloak build options (features), to measure
     * a server-wide choice beside the shipped one.
     */
    static void optionsIfAsked(ServerSettings settings) {
        StringBuilder options = new StringBuilder();
        String jfr = System.getProperty("relais.bench.jfr");
        if (jfr != null) {
            options.append("-XX:FlightRecorderOptions=stackdepth=256 -XX:StartFlightRecording=settings=")
                    .append(System.getProperty("relais.bench.jfr.settings", "profile")).append(",filename=").append(jfr);
        }
        String gcLog = System.getProperty("relais.bench.gclog");
        if (gcLog != null) {
            options.append(options.isEmpty() ? "" : " ").append("-Xlog:gc*:file=").append(gcLog);
        }
        String more = System.getProperty("relais.bench.jvm-options");
        if (more != null) {
            options.append(options.isEmpty() ? "" : " ").append(more);
        }
        if (!options.isEmpty()) {
            settings.environment("JAVA_OPTS_APPEND", options.toString());
        }
        for (String option : System.getProperty("relais.bench.build-options", "").split(";")) {
            if (!option.isBlank()) {
                int equals = option.indexOf('=');
                if (equals < 1) {
                    throw new IllegalArgumentException("relais.bench.build-options: expected name=value, got " + option);
                }
                settings.buildOption(option.substring(0, equals).trim(), option.substring(equals + 1).trim());
            }
        }
    }

    static void pin(ProcessHandle process, String core) throws Exception {
        new ProcessBuilder("taskset", "-a", "-cp", core, Long.toString(process.pid())).inheritIO()
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
