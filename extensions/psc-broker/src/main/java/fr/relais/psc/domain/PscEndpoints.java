package fr.relais.psc.domain;

/**
 * PSC's endpoints. Everything but authorize lives under the issuer, at Keycloak's usual paths; the
 * discovery document sits at {@code /.well-known/wallet-openid-configuration} (not the standard
 * path), and its {@code acr_values_supported} is useless, so Relais does not depend on it.
 */
public record PscEndpoints(String issuer, String authorizationUrl, String discoveryUrl, String tokenUrl,
                           String userInfoUrl, String jwksUrl, String endSessionUrl, String introspectionUrl) {

    public static final String DISCOVERY_PATH = "/.well-known/wallet-openid-configuration";
    private static final String PROTOCOL = "/protocol/openid-connect";

    static PscEndpoints of(String issuer, String authorizationUrl) {
        return new PscEndpoints(issuer, authorizationUrl,
                issuer + DISCOVERY_PATH,
                issuer + PROTOCOL + "/token",
                issuer + PROTOCOL + "/userinfo",
                issuer + PROTOCOL + "/certs",
                issuer + PROTOCOL + "/logout",
                issuer + PROTOCOL + "/token/introspect");
    }
}
