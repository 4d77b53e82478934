package fr.relais.pscsim;

import java.util.Locale;

/** The PSC endpoints a fault can target. The admin API ({@code /_sim/...}) is never one of them. */
public enum Endpoint {
    DISCOVERY("discovery"),
    JWKS("jwks"),
    /** Served by the separate "wallet" host in real PSC. */
    AUTHORIZE("authorize"),
    TOKEN("token"),
    USERINFO("userinfo"),
    INTROSPECT("introspect"),
    LOGOUT("logout");

    private final String wireName;

    Endpoint(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in the admin API and in the request log. */
    public String wireName() {
        return wireName;
    }

    /** Accepts the wire name, the enum name and the usual aliases (certs, end_session, wallet...). */
    public static Endpoint parse(String value) {
        String name = value.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        switch (name) {
            case "certs":
                return JWKS;
            case "auth":
            case "authorization":
            case "wallet":
                return AUTHORIZE;
            case "end_session":
                return LOGOUT;
            case "introspection":
                return INTROSPECT;
            case "well_known":
            case "openid_configuration":
                return DISCOVERY;
            default:
                for (Endpoint endpoint : values()) {
                    if (endpoint.wireName.equals(name)) {
                        return endpoint;
                    }
                }
                throw new IllegalArgumentException("Unknown endpoint: " + value);
        }
    }
}
