package fr.relais.bench.login;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where the cores go during a phase, every five seconds: logins per second, the CPU of Keycloak (its
 * request threads apart), of PostgreSQL's processes and of this driver, as shares of one core, and the
 * time the hypervisor took from the guest (steal), and the directory reads of the interval with those slower than
 * the 2 ms objective (server side), to place a phase's tail in time. It tells apart the ways an import can slow logins down:
 * Keycloak's core taken by the import, the same login work costing more CPU, or logins waiting on a busy
 * database with Keycloak's core idle.
 */
final class PhaseTimeline implements AutoCloseable {

    private static final long PERIOD_MILLIS = 5_000;

    private final String phase;
    private final ProcessHandle keycloak;
    private final LongAdder logins;
    private final DirectoryReads reads;
    private final Thread sampler;
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** The server's directory reads so far: all of them, and those within the objective. */
    interface DirectoryReads {
        double[] totalAndWithinObjective() throws Exception;
    }

    private PhaseTimeline(String phase, ProcessHandle keycloak, LongAdder logins, DirectoryReads reads) {
        this.phase = phase;
        this.keycloak = keycloak;
        this.logins = logins;
        this.reads = reads;
        this.sampler = new Thread(this::sample, "phase-timeline");
        this.sampler.setDaemon(true);
    }

    static PhaseTimeline start(String phase, ProcessHandle keycloak, LongAdder logins, DirectoryReads reads) {
        PhaseTimeline timeline = new PhaseTimeline(phase, keycloak, logins, reads);
        System.out.printf(Locale.ROOT, "%-8s %-32s %6s %8s %6s %6s %6s %6s %6s %6s %6s %6s%n", "time", "phase (every 5 s)", "t s",
                "logins/s", "kc %", "kc rq%", "pg %", "drv %", "busy%", "steal%", "reads", ">2 ms");
        timeline.sampler.start();
        return timeline;
    }

    private void sample() {
        try {
            long began = System.nanoTime();
            Map<String, Long> threadsBefore = LoginBenchmark.threadsCpuNanos(keycloak);
            Reading previous = read();
            while (sleepUnlessStopped()) {
                Reading now = read();
                double wall = now.at - previous.at;
                System.out.printf(Locale.ROOT, "%-8s %-32s %6.0f %8.1f %6.0f %6.0f %6.0f %6.0f %6.0f %6.1f %6.0f %6.0f%n",
                        LocalTime.now().withNano(0), phase, (now.at - began) / 1e9, (now.logins - previous.logins) / wall * 1e9,
                        100 * (now.keycloak - previous.keycloak) / wall,
                        100 * LoginBenchmark.delta(previous.requestThreads, now.requestThreads) / wall,
                        100 * LoginBenchmark.delta(previous.postgres, now.postgres) / wall,
                        100 * (now.driver - previous.driver) / wall,
                        100.0 * (now.machine[1] - previous.machine[1]) / Math.max(1, now.machine[0] - previous.machine[0]),
                        100.0 * (now.machine[2] - previous.machine[2]) / Math.max(1, now.machine[0] - previous.machine[0]),
                        now.reads[0] - previous.reads[0],
                        (now.reads[0] - now.reads[1]) - (previous.reads[0] - previous.reads[1]));
                previous = now;
            }
            printThreads(threadsBefore, LoginBenchmark.threadsCpuNanos(keycloak), System.nanoTime() - began);
        } catch (Exception e) {
            System.err.println("phase timeline: " + e);
        }
    }

    /** Waits one period; false once the phase has ended. */
    private boolean sleepUnlessStopped() throws InterruptedException {
        return !stopped.await(PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Keycloak's threads over the whole phase, grouped by name without its number (every executor thread
     * together), those above 1 % of a core: what besides the requests took Keycloak's core.
     */
    private void printThreads(Map<String, Long> before, Map<String, Long> after, long wallNanos) {
        Map<String, Long> byGroup = new TreeMap<>();
        after.forEach((key, nanos) -> byGroup.merge(LoginBenchmark.threadName(key).replaceAll("[-#]?\\d+$", ""),
                nanos - before.getOrDefault(key, 0L), Long::sum));
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-8s %-32s Keycloak threads, %% of a core:",
                LocalTime.now().withNano(0), phase));
        byGroup.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(group -> group.getValue() * 100 >= wallNanos)
                .forEach(group -> line.append(String.format(Locale.ROOT, " %s %.0f,", group.getKey(),
                        100.0 * group.getValue() / wallNanos)));
        System.out.println(line.substring(0, line.length() - 1));
    }

    private record Reading(long at, long logins, long keycloak, Map<String, Long> requestThreads,
                           Map<String, Long> postgres, long driver, long[] machine, double[] reads) {
    }

    private Reading read() throws Exception {
        return new Reading(System.nanoTime(), logins.sum(), LoginBenchmark.cpuNanos(keycloak),
                LoginBenchmark.requestThreadsCpuNanos(keycloak), postgresCpuNanos(), LoginBenchmark.cpuNanos(ProcessHandle.current()),
                machineTicks(), reads.totalAndWithinObjective());
    }

    /** CPU of each PostgreSQL process (the server and its backends) by pid: backends come and go. */
    private static Map<String, Long> postgresCpuNanos() {
        Map<String, Long> cpu = new HashMap<>();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/bin/postgres")).orElse(false))
                .forEach(p -> {
                    try {
                        cpu.put(Long.toString(p.pid()), LoginBenchmark.cpuNanos(p));
                    } catch (Exception gone) {
                        // ended between the listing and the read: its last interval is lost, as for threads
                    }
                });
        return cpu;
    }

    /** All CPUs' total, busy (neither idle nor iowait) and steal jiffies, from /proc/stat. */
    static long[] machineTicks() throws Exception {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < fields.length; i++) {
            total += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
        return new long[] {total, total - idle, Long.parseLong(fields[8])};
    }

    @Override
    public void close() throws InterruptedException {
        stopped.countDown();
        sampler.join();
    }
}
