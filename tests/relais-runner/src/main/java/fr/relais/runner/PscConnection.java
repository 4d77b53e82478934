package fr.relais.runner;

/**
 * Where the realm's Pro Santé Connect identity provider points, passed to Keycloak as the
 * {@code RELAIS_PSC_*} values of the realm file's placeholders.
 *
 * @param environment       {@code production}, {@code sandbox} or {@code custom}
 * @param issuer            for {@code custom}: the issuer URL
 * @param authorizationUrl  for {@code custom}: the (wallet) authorize URL
 * @param httpTimeoutMillis timeout of each back-channel call to PSC
 * @param enabled           whether the realm's PSC identity provider is enabled at import
 */
public record PscConnection(String environment, String issuer, String authorizationUrl, String clientId,
                            String clientSecret, int httpTimeoutMillis, boolean enabled) {

    /** The FINESS of the demo EHPAD, the organisation of the demo data (same as the CPE card's). */
    public static final String DEMO_FINESS = "750000001";
    /** The client Relais is registered as at the simulator. */
    public static final String SIMULATOR_CLIENT_ID = "relais";

    /**
     * For runs that do not exercise PSC (benchmarks): the identity provider exists, as in every realm,
     * but disabled (as the appliance imports it before its operator configures PSC), so the continuity
     * probes see no PSC to watch and the logins measured are not those of a PSC outage.
     */
    public static PscConnection unconfigured() {
        return new PscConnection("custom", "http://127.0.0.1:9/auth/realms/esante-wallet", "http://127.0.0.1:9/auth",
                SIMULATOR_CLIENT_ID, "unconfigured", 2_000, false);
    }

    void applyTo(ServerSettings settings) {
        settings.environment("RELAIS_PSC_ENABLED", Boolean.toString(enabled))
                .environment("RELAIS_PSC_ENVIRONMENT", environment)
                .environment("RELAIS_PSC_ISSUER", issuer == null ? "" : issuer)
                .environment("RELAIS_PSC_AUTHORIZATION_URL", authorizationUrl == null ? "" : authorizationUrl)
                .environment("RELAIS_PSC_CLIENT_ID", clientId)
                .environment("RELAIS_PSC_CLIENT_SECRET", clientSecret)
                .environment("RELAIS_PSC_HTTP_TIMEOUT_MS", Integer.toString(httpTimeoutMillis))
                .environment("RELAIS_FINESS", DEMO_FINESS);
    }
}
