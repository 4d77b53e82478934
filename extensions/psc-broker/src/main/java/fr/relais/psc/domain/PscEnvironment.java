package fr.relais.psc.domain;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Which Pro Santé Connect a Relais talks to. PSC publishes its metadata at a non-standard path and
 * serves the authorize step from a separate "wallet" host, so both hosts are part of an environment.
 * Hosts come from the ANS connector's {@code psc.properties} (see {@code domain/psc-and-rie.md} §1.1).
 */
public enum PscEnvironment {

    PRODUCTION("https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet", "https://wallet.esw.esante.gouv.fr/auth"),
    /** The "bac à sable" (BAS): test identities only. */
    SANDBOX("https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet", "https://wallet.bas.psc.esante.gouv.fr/auth"),
    /** Any other PSC-shaped provider (a simulator, a proxy): issuer and authorize URL are configured. */
    CUSTOM(null, null);

    private final String issuer;
    private final String authorizationUrl;

    PscEnvironment(String issuer, String authorizationUrl) {
        this.issuer = issuer;
        this.authorizationUrl = authorizationUrl;
    }

    /** Accepts the configuration values {@code production}, {@code sandbox} (or {@code bas}) and {@code custom}. */
    public static Optional<PscEnvironment> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "production", "prod" -> Optional.of(PRODUCTION);
            case "sandbox", "bas" -> Optional.of(SANDBOX);
            case "custom" -> Optional.of(CUSTOM);
            default -> Optional.empty();
        };
    }

    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The endpoints of this environment. For {@link #CUSTOM}, the issuer and the authorize URL are
     * the configured ones; every other endpoint follows PSC's layout under the issuer.
     */
    public PscEndpoints endpoints(String customIssuer, String customAuthorizationUrl) {
        if (this != CUSTOM) {
            return PscEndpoints.of(issuer, authorizationUrl);
        }
        if (isBlank(customIssuer) || isBlank(customAuthorizationUrl)) {
            throw new IllegalArgumentException("A custom PSC environment needs an issuer and an authorization URL");
        }
        URI.create(customIssuer);
        URI.create(customAuthorizationUrl);
        return PscEndpoints.of(stripTrailingSlash(customIssuer.trim()), customAuthorizationUrl.trim());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String stripTrailingSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
