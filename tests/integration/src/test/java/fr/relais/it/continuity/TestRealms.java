package fr.relais.it.continuity;

/** Realms the continuity tests create (and delete), so the baseline realm stays as the other tests expect it. */
final class TestRealms {

    static final String APP = "it-app";
    static final String APP_SECRET = "it-app-secret";
    static final String APP_REDIRECT = "https://app.relais.test/callback";
    static final String PASSWORD = "Mot-de-passe-de-test-42";

    private TestRealms() {
    }

    /**
     * A realm whose Pro Santé Connect identity provider points at the fake. Both the PSC-specific
     * settings and the generic OIDC ones are given, so the probes find the same addresses whichever
     * stage the PSC provider type is at.
     */
    static String withPscProvider(String realm, FakePsc psc) {
        return """
                {
                  "realm": "%s",
                  "enabled": true,
                  "identityProviders": [{
                    "alias": "psc",
                    "displayName": "Pro Santé Connect",
                    "providerId": "relais-psc",
                    "enabled": true,
                    "config": {
                      "relais.psc.environment": "custom",
                      "relais.psc.issuer": "%s",
                      "relais.psc.authorizationUrl": "%s",
                      "issuer": "%s",
                      "authorizationUrl": "%s",
                      "tokenUrl": "%s/protocol/openid-connect/token",
                      "jwksUrl": "%s",
                      "useJwksUrl": "true",
                      "validateSignature": "true",
                      "clientId": "relais",
                      "clientSecret": "secret",
                      "clientAuthMethod": "client_secret_basic",
                      "syncMode": "FORCE"
                    }
                  }]
                }
                """.formatted(realm, psc.issuer(), psc.authorizationUrl(), psc.issuer(), psc.authorizationUrl(), psc.issuer(),
                psc.jwksUrl());
    }

    /**
     * A realm for emergency access: a night nurse with two roles, a local administrator who may manage
     * users, a plain user, and an application whose tokens carry roles, acr and amr.
     */
    static String forBreakGlass(String realm) {
        return """
                {
                  "realm": "%1$s",
                  "enabled": true,
                  "loginTheme": "relais",
                  "internationalizationEnabled": true,
                  "supportedLocales": ["fr", "en"],
                  "defaultLocale": "fr",
                  "eventsEnabled": true,
                  "adminEventsEnabled": true,
                  "adminEventsDetailsEnabled": true,
                  "roles": {"realm": [{"name": "soignant"}, {"name": "cadre"}]},
                  "users": [
                    {"username": "infirmiere.nuit", "enabled": true, "firstName": "Nadia", "lastName": "Nuit",
                     "email": "nadia.nuit@ehpad.test", "emailVerified": true,
                     "credentials": [{"type": "password", "value": "%2$s"}],
                     "realmRoles": ["soignant", "cadre", "offline_access"]},
                    {"username": "aide.soignant", "enabled": true, "firstName": "Ali", "lastName": "Soin",
                     "email": "ali.soin@ehpad.test", "emailVerified": true,
                     "credentials": [{"type": "password", "value": "%2$s"}],
                     "realmRoles": ["soignant"]},
                    {"username": "admin.local", "enabled": true, "firstName": "Alice", "lastName": "Admin",
                     "email": "alice.admin@ehpad.test", "emailVerified": true,
                     "credentials": [{"type": "password", "value": "%2$s"}],
                     "clientRoles": {"realm-management": ["manage-users", "view-users", "query-users"]}},
                    {"username": "simple.user", "enabled": true, "firstName": "Sam", "lastName": "Simple",
                     "email": "sam.simple@ehpad.test", "emailVerified": true,
                     "credentials": [{"type": "password", "value": "%2$s"}]}
                  ],
                  "clients": [{
                    "clientId": "%3$s",
                    "enabled": true,
                    "publicClient": false,
                    "secret": "%4$s",
                    "standardFlowEnabled": true,
                    "directAccessGrantsEnabled": false,
                    "redirectUris": ["%5$s"],
                    "protocolMappers": [
                      {"name": "emergency roles", "protocol": "openid-connect", "protocolMapper": "relais-break-glass-roles",
                       "config": {"access.token.claim": "true", "userinfo.token.claim": "true", "introspection.token.claim": "true"}},
                      {"name": "acr amr", "protocol": "openid-connect", "protocolMapper": "relais-authentication-context",
                       "config": {"id.token.claim": "true", "access.token.claim": "true", "userinfo.token.claim": "true"}}
                    ]
                  }]
                }
                """.formatted(realm, PASSWORD, APP, APP_SECRET, APP_REDIRECT);
    }

    /** Users with and without a means that works offline. */
    static String forCoverage(String realm) {
        String otp = """
                {"type": "otp", "userLabel": "Téléphone",
                 "secretData": "{\\"value\\":\\"JBSWY3DPEHPK3PXP\\"}",
                 "credentialData": "{\\"subType\\":\\"totp\\",\\"digits\\":6,\\"counter\\":0,\\"period\\":30,\\"algorithm\\":\\"HmacSHA1\\"}"}
                """;
        String webauthn = """
                {"type": "webauthn", "userLabel": "Clé FIDO2",
                 "secretData": "{}",
                 "credentialData": "{\\"aaguid\\":\\"00000000-0000-0000-0000-000000000000\\",\\"credentialId\\":\\"AQIDBA\\",\\"counter\\":0,\\"attestationStatementFormat\\":\\"none\\",\\"credentialPublicKey\\":\\"pQECAyYgASFYIA\\"}"}
                """;
        String password = "{\"type\": \"password\", \"value\": \"" + PASSWORD + "\"}";
        return """
                {
                  "realm": "%s",
                  "enabled": true,
                  "users": [
                    {"username": "avec.otp", "enabled": true, "credentials": [%s, %s]},
                    {"username": "avec.cle", "enabled": true, "credentials": [%s]},
                    {"username": "avec.les.deux", "enabled": true, "credentials": [%s, %s]},
                    {"username": "mot.de.passe.seul", "enabled": true, "credentials": [%s]},
                    {"username": "sans.rien", "enabled": true},
                    {"username": "parti", "enabled": false, "credentials": [%s]}
                  ],
                  "clients": [{"clientId": "robot", "enabled": true, "publicClient": false, "secret": "robot-secret",
                               "serviceAccountsEnabled": true, "standardFlowEnabled": false}]
                }
                """.formatted(realm, password, otp, webauthn, otp, webauthn, password, otp);
    }
}
