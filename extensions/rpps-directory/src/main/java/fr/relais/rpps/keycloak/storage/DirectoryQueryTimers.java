package fr.relais.rpps.keycloak.storage;

import java.time.Duration;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

/**
 * How long the directory's queries take, on Keycloak's {@code /metrics} (management port, with
 * {@code metrics-enabled}) through the global Micrometer registry Keycloak's own metrics use:
 * {@code relais_rpps_query_seconds{query="find"}} (one professional by idNat_PS: account loads, visiting
 * professionals, the admin console) and {@code {query="search"}} (the admin user search). A histogram with
 * buckets from 50 µs, so an operator can alert on the 99th percentile and see whether an import slows the
 * lookups down; bucket counts only grow, so the percentiles of any period come from two scrapes.
 */
final class DirectoryQueryTimers {

    static final Timer FIND = timer("find");
    static final Timer SEARCH = timer("search");

    private DirectoryQueryTimers() {
    }

    private static Timer timer(String query) {
        return Timer.builder("relais.rpps.query")
                .description("Duration of RPPS directory queries")
                .tag("query", query)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(50_000))
                .maximumExpectedValue(Duration.ofSeconds(5))
                .register(Metrics.globalRegistry);
    }
}
