package fr.relais.bench.login;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;

import fr.relais.pscsim.Fault;
import fr.relais.pscsim.PscSimulator;
import fr.relais.runner.DemoProfessional;
import fr.relais.runner.DemoPsc;
import fr.relais.runner.Folders;
import fr.relais.runner.RelaisInstance;
import fr.relais.runner.Secrets;

/**
 * Continuity: the login page and the card login with Pro Santé Connect blackholed (it accepts
 * connections and never answers) against PSC healthy, in one run, the two states interleaved and
 * alternated in order; and how long the login page takes to reflect PSC going down and coming back.
 * Same setup as {@link LoginBenchmark} (Keycloak on core 0, this driver on core 1, a new TLS
 * connection per request). Run by hand:
 * <pre>java -cp ... fr.relais.bench.login.OutageBenchmark [warmupSeconds] [measureSeconds] [repeats] [workers]</pre>
 */
public final class OutageBenchmark {

    private static final int PORT = 18443;
    private static final String NOTICE = "id=\"relais-outage-psc\"";
    private static final String PSC_BUTTON = "id=\"social-psc\"";

    private OutageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration warmup = Duration.ofSeconds(arg(args, 0, 15));
        Duration measure = Duration.ofSeconds(arg(args, 1, 30));
        int repeats = arg(args, 2, 3);
        int workers = arg(args, 3, 16);
        LoginBenchmark.pin(ProcessHandle.current(), "1");

        Path root = Path.of(System.getProperty("relais.bench.root", "/tmp/relais-bench-outage"));
        Folders.deleteRecursively(root);
        java.nio.file.Files.createDirectories(root);
        String pscSecret = Secrets.loadOrCreate(root.resolve("secrets.properties")).get(Secrets.PSC_CLIENT_SECRET);
        try (PscSimulator psc = DemoPsc.start(0, 0, "https://localhost:" + PORT, pscSecret);
             RelaisInstance relais = RelaisInstance.start(root, new RelaisInstance.Ports(PORT, 19000), "https://dui.invalid",
                     "https://viatrajectoire.invalid", DemoPsc.connection(psc, pscSecret, 5000), settings -> { })) {
            LoginBenchmark.pin(relais.process().jvm(), "0");
            BenchRealm realm = new BenchRealm(relais);
            realm.create();
            SSLContext noCard = relais.pki().serverTrust();
            SSLContext card = relais.pki().presenting(relais.pki().card(DemoProfessional.ALL.get(0)));
            List<Login> logins = List.of(Login.page("bench-password", noCard, PORT),
                    Login.certificate("relais-card", RelaisInstance.REALM, "bench-card", card, PORT));
            // -Drelais.bench.only=login-page: one kind of request only.
            String only = System.getProperty("relais.bench.only");
            if (only != null) {
                logins = logins.stream().filter(login -> List.of(only.split(",")).contains(login.name)).toList();
            }

            awaitPage(noCard, PSC_BUTTON, Duration.ofMinutes(2));
            Map<String, List<LoginBenchmark.Result>> results = new LinkedHashMap<>();
            List<Duration> toDown = new ArrayList<>();
            List<Duration> toUp = new ArrayList<>();
            boolean blackholed = false;
            LoginBenchmark.warmUp(relais, realm, logins, workers);
            for (int repeat = 1; repeat <= repeats; repeat++) {
                // Odd repeats measure the healthy state first, even ones the outage first.
                boolean[] order = repeat % 2 == 1 ? new boolean[] {false, true} : new boolean[] {true, false};
                for (boolean outage : order) {
                    // Consecutive repeats may keep the state (healthy-outage, outage-healthy): only a change is timed.
                    if (outage && !blackholed) {
                        psc.setFault(Fault.blackhole());
                        blackholed = true;
                        toDown.add(awaitPage(noCard, NOTICE, Duration.ofMinutes(1)));
                        System.out.printf("%s PSC blackholed: outage notice after %d ms%n", java.time.LocalTime.now().withNano(0),
                                toDown.get(toDown.size() - 1).toMillis());
                    } else if (!outage && blackholed) {
                        psc.clearFault();
                        blackholed = false;
                        toUp.add(awaitPage(noCard, PSC_BUTTON, Duration.ofMinutes(1)));
                        System.out.printf("%s PSC healthy again: button back after %d ms%n", java.time.LocalTime.now().withNano(0),
                                toUp.get(toUp.size() - 1).toMillis());
                    }
                    for (Login login : logins) {
                        String name = login.name + (outage ? " [PSC blackholed]" : " [PSC healthy]");
                        realm.endSessions();
                        LoginBenchmark.drive(login, workers, () -> Thread.sleep(warmup.toMillis()));
                        long cpuBefore = LoginBenchmark.cpuNanos(relais.process().jvm());
                        Map<String, Long> requestCpuBefore = LoginBenchmark.requestThreadsCpuNanos(relais.process().jvm());
                        LoginBenchmark.Result result = LoginBenchmark.drive(login, workers, () -> Thread.sleep(measure.toMillis()));
                        result = result.withCpu(LoginBenchmark.cpuNanos(relais.process().jvm()) - cpuBefore,
                                LoginBenchmark.delta(requestCpuBefore, LoginBenchmark.requestThreadsCpuNanos(relais.process().jvm())));
                        results.computeIfAbsent(name, k -> new ArrayList<>()).add(result);
                        System.out.printf("%s repeat %d %-32s %s%n", java.time.LocalTime.now().withNano(0), repeat, name, result);
                    }
                }
            }
            psc.clearFault();
            report(results, toDown, toUp);
        }
    }

    /** Polls the login page (a new connection each time, every 100 ms) until it contains {@code marker}. */
    private static Duration awaitPage(SSLContext tls, String marker, Duration budget) throws Exception {
        long started = System.nanoTime();
        while (System.nanoTime() - started < budget.toNanos()) {
            try (RawHttpsClient http = new RawHttpsClient(tls, "localhost", PORT)) {
                if (http.get(Login.authorizePath(RelaisInstance.REALM, "bench-password"), null).body().contains(marker)) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the login page never showed " + marker);
    }

    private static void report(Map<String, List<LoginBenchmark.Result>> results, List<Duration> toDown, List<Duration> toUp) {
        System.out.println("\nMedian of repeats (by throughput):");
        Map<String, LoginBenchmark.Result> medians = new LinkedHashMap<>();
        results.forEach((name, runs) -> {
            List<LoginBenchmark.Result> sorted = new ArrayList<>(runs);
            sorted.sort((a, b) -> Double.compare(a.perSecond(), b.perSecond()));
            medians.put(name, sorted.get(sorted.size() / 2));
            System.out.printf("%-32s %s   (runs: %s)%n", name, medians.get(name),
                    runs.stream().map(r -> String.format("%.1f", r.perSecond())).toList());
        });
        for (String kind : List.of("login-page", "relais-card")) {
            LoginBenchmark.Result healthy = medians.get(kind + " [PSC healthy]");
            LoginBenchmark.Result outage = medians.get(kind + " [PSC blackholed]");
            if (healthy == null || outage == null) {
                continue;
            }
            System.out.printf("%-12s blackholed / healthy: p50 latency %.2f×, p99 %.2f×, throughput %.2f×%n", kind,
                    (double) outage.p50Nanos() / healthy.p50Nanos(), (double) outage.p99Nanos() / healthy.p99Nanos(),
                    outage.perSecond() / healthy.perSecond());
        }
        System.out.println("PSC down -> login page shows the outage notice: " + toDown.stream().map(Duration::toMillis).toList() + " ms");
        System.out.println("PSC back -> login page shows the PSC button again: " + toUp.stream().map(Duration::toMillis).toList() + " ms");
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
