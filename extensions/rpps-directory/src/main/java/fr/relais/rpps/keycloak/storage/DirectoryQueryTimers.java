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
 *   <li>{@code relais_rpps_lookup_seconds{answer="cache"|"database"}}: every lookup of one professional by
 *       idNat_PS, answered by the node's cache or read from the database (that read is a {@code find}); the
 *       two counts give the cache's hit ratio.</li>
 * </ul>
 * Histograms with buckets from 1 µs, so an operator can alert on the 99th percentile and see whether an
 * import slows the lookups down; bucket counts only grow, so the percentiles of any period come from two
 * scrapes.
 */
final class DirectoryQueryTimers {

    static final Timer FIND = timer("relais.rpps.query", "Duration of RPPS directory queries", "query", "find");
    static final Timer SEARCH = timer("relais.rpps.query", "Duration of RPPS directory queries", "query", "search");
    static final Timer LOOKUP_CACHED = timer("relais.rpps.lookup", "Duration of RPPS lookups by idNat_PS", "answer", "cache");
    static final Timer LOOKUP_READ = timer("relais.rpps.lookup", "Duration of RPPS lookups by idNat_PS", "answer", "database");

    private DirectoryQueryTimers() {
    }

    private static Timer timer(String name, String description, String tag, String value) {
        return Timer.builder(name)
                .description(description)
                .tag(tag, value)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(1_000))
                .maximumExpectedValue(Duration.ofSeconds(5))
                .register(Metrics.globalRegistry);
    }
}
