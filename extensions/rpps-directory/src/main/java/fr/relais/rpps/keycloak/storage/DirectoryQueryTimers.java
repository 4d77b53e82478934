package fr.relais.rpps.keycloak.storage;

import java.time.Duration;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

/**
 * How long the directory's answers take, on Keycloak's {@code /metrics} (management port, with
 * {@code metrics-enabled}) through the global Micrometer registry Keycloak's own metrics use:
 * <ul>
 *   <li>{@code relais_rpps_query_seconds{query="find"}}: one professional by idNat_PS read from the database
 *       (account loads, token claims, visiting professionals, the admin console), and {@code {query="search"}}:
 *       the admin user search;</li>
 *   <li>{@code relais_rpps_lookup_seconds{answer="cache"|"database"}}: the lookups of one professional by
 *       idNat_PS that go through the node's cache (token claims, visiting professionals), answered by it or
 *       read from the database (that read is also a {@code find}); the two counts give the cache's hit
 *       ratio.</li>
 * </ul>
 * Histograms (buckets from 50 µs for queries, from 1 µs for lookups, which the cache answers in a few), so an
 * operator can alert on the 99th percentile and see whether an import slows the lookups down; bucket counts
 * only grow, so the percentiles of any period come from two scrapes. Micrometer's own buckets are about 0.35 ms
 * apart around 2 ms (1.75, 2.10, 2.45 ms), too coarse to tell whether lookups keep the directory's objective
 * (p99 within 2 ms, during an import too), so that objective is a bucket boundary of its own
 * ({@code le="0.002"}).
 */
final class DirectoryQueryTimers {

    /** Declared before the timers, which read it as they are built. */
    private static final Duration OBJECTIVE = Duration.ofMillis(2);
    static final Timer FIND = query("find");
    static final Timer SEARCH = query("search");
    static final Timer LOOKUP_CACHED = lookup("cache");
    static final Timer LOOKUP_READ = lookup("database");

    private DirectoryQueryTimers() {
    }

    private static Timer query(String query) {
        return timer("relais.rpps.query", "Duration of RPPS directory queries", "query", query, Duration.ofNanos(50_000));
    }

    private static Timer lookup(String answer) {
        return timer("relais.rpps.lookup", "Duration of RPPS lookups by idNat_PS", "answer", answer, Duration.ofNanos(1_000));
    }

    private static Timer timer(String name, String description, String tag, String value, Duration minimum) {
        return Timer.builder(name)
                .description(description)
                .tag(tag, value)
                .publishPercentileHistogram()
                .serviceLevelObjectives(OBJECTIVE)
                .minimumExpectedValue(minimum)
                .maximumExpectedValue(Duration.ofSeconds(5))
                .register(Metrics.globalRegistry);
    }
}
