package fr.relais.continuity.keycloak;

import java.time.Duration;
import java.util.List;

import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import fr.relais.continuity.grace.SessionGracePolicy;
import fr.relais.continuity.health.HysteresisPolicy;
import fr.relais.continuity.health.TargetSetting;
import fr.relais.spi.health.Upstream;

/**
 * Server-wide continuity settings (keycloak.conf / command line,
 * {@code spi-relais-upstream-health--relais-upstream-health--*}): what is probed, how often, how
 * states change, and the session grace policy. The same for every realm and every node.
 */
record UpstreamHealthServerConfig(TargetSetting psc, TargetSetting crl, TargetSetting rpps,
                                  Duration pscInterval, Duration sourceInterval, Duration timeout, long slowAfterMillis,
                                  HysteresisPolicy hysteresis, Duration syncInterval, SessionGracePolicy grace) {

    static final String PSC_URLS = "psc-urls";
    static final String CRL_URLS = "crl-urls";
    static final String RPPS_URLS = "rpps-urls";
    static final String PROBE_INTERVAL_SECONDS = "probe-interval-seconds";
    static final String SOURCE_PROBE_INTERVAL_SECONDS = "source-probe-interval-seconds";
    static final String PROBE_TIMEOUT_MILLIS = "probe-timeout-millis";
    static final String SLOW_MILLIS = "slow-millis";
    static final String DOWN_AFTER = "down-after";
    static final String UP_AFTER = "up-after";
    static final String DEGRADE_AFTER = "degrade-after";
    static final String WINDOW = "window";
    static final String SYNC_INTERVAL_MILLIS = "sync-interval-millis";
    /** Not "session-grace-enabled": Keycloak takes every SPI option ending in "enabled" for a build-time option. */
    static final String SESSION_GRACE = "session-grace";
    static final String SESSION_GRACE_MINUTES = "session-grace-minutes";
    static final String SESSION_GRACE_WINDOW_MINUTES = "session-grace-window-minutes";

    static final int DEFAULT_PROBE_INTERVAL_SECONDS = 2;
    static final int DEFAULT_SOURCE_PROBE_INTERVAL_SECONDS = 60;
    static final int DEFAULT_PROBE_TIMEOUT_MILLIS = 1000;
    static final int DEFAULT_SLOW_MILLIS = 600;
    static final int DEFAULT_SYNC_INTERVAL_MILLIS = 1000;

    static final List<ProviderConfigProperty> METADATA = ProviderConfigurationBuilder.create()
            .property().name(PSC_URLS).type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Pro Santé Connect addresses probed in the background, comma-separated. \"auto\" (default): the "
                    + "discovery document and the keys (JWKS) of every enabled Pro Santé Connect identity provider of every "
                    + "realm, as that provider computes them. \"none\": not monitored (the state stays UNKNOWN and the login "
                    + "page keeps offering PSC).")
            .defaultValue(TargetSetting.AUTO)
            .add()
            .property().name(CRL_URLS).type(ProviderConfigProperty.STRING_TYPE)
            .helpText("CRL server addresses probed in the background, comma-separated. \"auto\" (default): the CRL URLs the "
                    + "CPS card login downloads (spi-authenticator--relais-cps-card--crl-urls, or its default). \"none\": not "
                    + "monitored. Probes read the status line only, never the CRL itself.")
            .defaultValue(TargetSetting.AUTO)
            .add()
            .property().name(RPPS_URLS).type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Address(es) of the RPPS extraction source, comma-separated. \"none\" (default): not monitored.")
            .defaultValue(TargetSetting.NONE)
            .add()
            .property().name(PROBE_INTERVAL_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE)
            .helpText("Seconds between two probes of Pro Santé Connect. Together with probe-timeout-millis and down-after it "
                    + "bounds how fast the login page reflects an outage: at most down-after × interval + timeout "
                    + "(default 2 × 2 s + 1 s = 5 s). Default 2.")
            .defaultValue(DEFAULT_PROBE_INTERVAL_SECONDS)
            .add()
            .property().name(SOURCE_PROBE_INTERVAL_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE)
            .helpText("Seconds between two probes of the CRL servers and the RPPS source, which no login waits for. Default 60.")
            .defaultValue(DEFAULT_SOURCE_PROBE_INTERVAL_SECONDS)
            .add()
            .property().name(PROBE_TIMEOUT_MILLIS).type(ProviderConfigProperty.INTEGER_TYPE)
            .helpText("Milliseconds a probe waits for connection and status line before counting the address as not "
                    + "answering. Default 1000.")
            .defaultValue(DEFAULT_PROBE_TIMEOUT_MILLIS)
            .add()
            .property().name(SLOW_MILLIS).type(ProviderConfigProperty.INTEGER_TYPE)
            .helpText("An answer slower than this many milliseconds counts as slow (towards DEGRADED). Default 600.")
            .defaultValue(DEFAULT_SLOW_MILLIS)
            .add()
            .property().name(DOWN_AFTER).type(ProviderConfigProperty.INTEGER_TYPE)
            .helpText("Consecutive rounds without any answer before an upstream is DOWN. Default 2: a single lost "
                    + "probe never makes it DOWN.")
            .defaultValue(HysteresisPolicy.DEFAULT.downAfter())
            .add()
            .property().name(UP_AFTER).type(ProviderConfigProperty.INTEGER_TYPE)
            .helpText("Consecutive clean rounds before a DEGRADED or DOWN upstream is UP again. Default 3.")
            .defaultValue(HysteresisPolicy.DEFAULT.upAfter())
            .add()
            .property().name(DEGRADE_AFTER).type(ProviderConfigProperty.INTEGER_TYPE)
            .helpText("Impaired rounds (slow, partial or failed) within the window before an UP upstream is DEGRADED. Default 2.")
            .defaultValue(HysteresisPolicy.DEFAULT.degradeAfter())
            .add()
            .property().name(WINDOW).type(ProviderConfigProperty.INTEGER_TYPE)
            .helpText("Number of latest rounds degrade-after looks at. Default 5.")
            .defaultValue(HysteresisPolicy.DEFAULT.window())
            .add()
            .property().name(SYNC_INTERVAL_MILLIS).type(ProviderConfigProperty.INTEGER_TYPE)
            .helpText("Milliseconds between two reads of the shared state by each node (one small query). Default 1000.")
            .defaultValue(DEFAULT_SYNC_INTERVAL_MILLIS)
            .add()
            .property().name(SESSION_GRACE).type(ProviderConfigProperty.BOOLEAN_TYPE)
            .helpText("Cached-session grace: lets the SSO session of a professional without any offline-capable means be "
                    + "extended once while Pro Santé Connect is DOWN. Off by default. Goes beyond the RIE session guidance "
                    + "(EXI RIE-PS 13): when enabled it must be declared as a reserve in the attestation de conformité.")
            .defaultValue(false)
            .add()
            .property().name(SESSION_GRACE_MINUTES).type(ProviderConfigProperty.INTEGER_TYPE)
            .helpText("Session grace: how many minutes a session may be extended by, once. 1 to 240. Default 60.")
            .defaultValue(60)
            .add()
            .property().name(SESSION_GRACE_WINDOW_MINUTES).type(ProviderConfigProperty.INTEGER_TYPE)
            .helpText("Session grace: a session is offered the grace when seen alive (login, token refresh) within this many minutes of its end. Default 15.")
            .defaultValue(15)
            .add()
            .build();

    static UpstreamHealthServerConfig from(Config.Scope scope) {
        HysteresisPolicy hysteresis = new HysteresisPolicy(
                scope.getInt(DOWN_AFTER, HysteresisPolicy.DEFAULT.downAfter()),
                scope.getInt(UP_AFTER, HysteresisPolicy.DEFAULT.upAfter()),
                scope.getInt(DEGRADE_AFTER, HysteresisPolicy.DEFAULT.degradeAfter()),
                scope.getInt(WINDOW, HysteresisPolicy.DEFAULT.window()));
        SessionGracePolicy grace = new SessionGracePolicy(
                scope.getBoolean(SESSION_GRACE, false),
                Duration.ofMinutes(scope.getInt(SESSION_GRACE_MINUTES, 60)),
                Duration.ofMinutes(scope.getInt(SESSION_GRACE_WINDOW_MINUTES, 15)));
        return new UpstreamHealthServerConfig(
                TargetSetting.parse(scope.get(PSC_URLS), TargetSetting.AUTO),
                TargetSetting.parse(scope.get(CRL_URLS), TargetSetting.AUTO),
                TargetSetting.parse(scope.get(RPPS_URLS), TargetSetting.NONE),
                positiveSeconds(scope, PROBE_INTERVAL_SECONDS, DEFAULT_PROBE_INTERVAL_SECONDS),
                positiveSeconds(scope, SOURCE_PROBE_INTERVAL_SECONDS, DEFAULT_SOURCE_PROBE_INTERVAL_SECONDS),
                positiveMillis(scope, PROBE_TIMEOUT_MILLIS, DEFAULT_PROBE_TIMEOUT_MILLIS),
                positiveMillis(scope, SLOW_MILLIS, DEFAULT_SLOW_MILLIS).toMillis(),
                hysteresis,
                positiveMillis(scope, SYNC_INTERVAL_MILLIS, DEFAULT_SYNC_INTERVAL_MILLIS),
                grace);
    }

    TargetSetting targets(Upstream upstream) {
        return switch (upstream) {
            case PRO_SANTE_CONNECT -> psc;
            case CRL_SOURCES -> crl;
            case RPPS_SOURCE -> rpps;
        };
    }

    Duration interval(Upstream upstream) {
        return upstream == Upstream.PRO_SANTE_CONNECT ? pscInterval : sourceInterval;
    }

    private static Duration positiveSeconds(Config.Scope scope, String name, int defaultValue) {
        int value = scope.getInt(name, defaultValue);
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + value);
        }
        return Duration.ofSeconds(value);
    }

    private static Duration positiveMillis(Config.Scope scope, String name, int defaultValue) {
        int value = scope.getInt(name, defaultValue);
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + value);
        }
        return Duration.ofMillis(value);
    }
}
