package fr.relais.pscsim;

import java.util.Locale;

/** How the userinfo endpoint answers a client: PSC can do both, depending on the client's registration. */
public enum UserinfoFormat {
    /** {@code application/json}, what most PSC clients parse. */
    JSON,
    /** {@code application/jwt}, RS256-signed, with {@code iss} and {@code aud} added. */
    JWT;

    public static UserinfoFormat parse(String value) {
        String name = value.trim().toUpperCase(Locale.ROOT);
        if (name.equals("APPLICATION/JWT") || name.equals("RS256") || name.equals("SIGNED")) {
            return JWT;
        }
        if (name.equals("APPLICATION/JSON")) {
            return JSON;
        }
        return valueOf(name);
    }
}
