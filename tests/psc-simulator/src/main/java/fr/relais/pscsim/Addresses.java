package fr.relais.pscsim;

/**
 * The URLs of a running simulator, once its ports are known.
 *
 * @param baseUrl scheme, host and port of the main listener, e.g. {@code http://localhost:8090}
 * @param issuer {@code <baseUrl>/auth/realms/esante-wallet}
 * @param authorizationEndpoint the wallet authorize URL ({@code <wallet base>/auth} or {@code <baseUrl>/wallet/auth})
 * @param adminBaseUrl the base of the separate admin listener, or null when there is none
 */
public record Addresses(String baseUrl, String issuer, String authorizationEndpoint, String adminBaseUrl) {

    static final String ISSUER_PATH = "/auth/realms/esante-wallet";
    static final String PROTOCOL_PATH = ISSUER_PATH + "/protocol/openid-connect";
    static final String DISCOVERY_PATH = ISSUER_PATH + "/.well-known/wallet-openid-configuration";
    static final String STANDARD_DISCOVERY_PATH = ISSUER_PATH + "/.well-known/openid-configuration";
    static final String TOKEN_PATH = PROTOCOL_PATH + "/token";
    static final String INTROSPECT_PATH = PROTOCOL_PATH + "/token/introspect";
    static final String USERINFO_PATH = PROTOCOL_PATH + "/userinfo";
    static final String LOGOUT_PATH = PROTOCOL_PATH + "/logout";
    static final String JWKS_PATH = PROTOCOL_PATH + "/certs";
    /** On the main listener when there is no wallet port: stands for {@code https://wallet.<env>/auth}. */
    static final String WALLET_AUTH_PATH = "/wallet/auth";
    /** On the wallet listener, as on the real wallet host. */
    static final String AUTH_PATH = "/auth";

    /** PSC's non-standard discovery URL. */
    public String discoveryUrl() {
        return baseUrl + DISCOVERY_PATH;
    }

    /** The standard discovery URL, which the simulator also serves (real PSC's Keycloak does too). */
    public String standardDiscoveryUrl() {
        return baseUrl + STANDARD_DISCOVERY_PATH;
    }

    public String tokenEndpoint() {
        return baseUrl + TOKEN_PATH;
    }

    public String introspectionEndpoint() {
        return baseUrl + INTROSPECT_PATH;
    }

    public String userinfoEndpoint() {
        return baseUrl + USERINFO_PATH;
    }

    public String endSessionEndpoint() {
        return baseUrl + LOGOUT_PATH;
    }

    public String jwksUri() {
        return baseUrl + JWKS_PATH;
    }

    /** The admin API on the main listener. */
    public String simUrl() {
        return baseUrl + "/_sim";
    }
}
