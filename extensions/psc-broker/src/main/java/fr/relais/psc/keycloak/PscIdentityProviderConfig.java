package fr.relais.psc.keycloak;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

import org.keycloak.broker.oidc.OIDCIdentityProviderConfig;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.RealmModel;

import fr.relais.psc.domain.AcrPolicy;
import fr.relais.psc.domain.EidasLevel;
import fr.relais.psc.domain.PscEndpoints;
import fr.relais.psc.domain.PscEnvironment;

/**
 * The typed view of a Pro Santé Connect identity provider's configuration. Operators set only the PSC
 * choices (environment, client, acr minimum, client authentication, timeouts); the generic OIDC
 * settings PSC requires (endpoints, scope, PKCE, nonce, signature checks) are derived here and cannot
 * be weakened from the admin console.
 */
public final class PscIdentityProviderConfig extends OIDCIdentityProviderConfig {

    static final String ENVIRONMENT = "relais.psc.environment";
    static final String CUSTOM_ISSUER = "relais.psc.issuer";
    static final String CUSTOM_AUTHORIZATION_URL = "relais.psc.authorizationUrl";
    static final String ACR_VALUES = "relais.psc.acrValues";
    static final String MINIMUM_ACR = "relais.psc.minimumAcr";
    static final String CLIENT_AUTHENTICATION = "relais.psc.clientAuthentication";
    static final String TLS_KEYSTORE = "relais.psc.tlsKeystore";
    static final String TLS_KEYSTORE_PASSWORD = "relais.psc.tlsKeystorePassword";
    static final String TLS_KEYSTORE_TYPE = "relais.psc.tlsKeystoreType";
    static final String HTTP_TIMEOUT_MILLIS = "relais.psc.httpTimeoutMillis";

    /** PSC accepts no other scope value today (openiddict and the ANS samples agree). */
    static final String SCOPE = "openid scope_all";
    /** The only value PSC accepts in acr_values. */
    static final String DEFAULT_ACR_VALUES = "eidas1";
    static final int DEFAULT_HTTP_TIMEOUT_MILLIS = 5_000;

    public PscIdentityProviderConfig() {
        super();
    }

    public PscIdentityProviderConfig(IdentityProviderModel model) {
        super(model);
    }

    public PscEnvironment environment() {
        return PscEnvironment.parse(getConfig().get(ENVIRONMENT)).orElse(PscEnvironment.PRODUCTION);
    }

    public PscEndpoints endpoints() {
        return environment().endpoints(getConfig().get(CUSTOM_ISSUER), getConfig().get(CUSTOM_AUTHORIZATION_URL));
    }

    public String acrValues() {
        String value = getConfig().get(ACR_VALUES);
        return value == null || value.isBlank() ? DEFAULT_ACR_VALUES : value.trim();
    }

    public EidasLevel minimumAcr() {
        return EidasLevel.parse(getConfig().get(MINIMUM_ACR)).orElse(EidasLevel.EIDAS1);
    }

    public AcrPolicy acrPolicy() {
        return new AcrPolicy(minimumAcr());
    }

    public ClientAuthentication clientAuthentication() {
        return ClientAuthentication.parse(getConfig().get(CLIENT_AUTHENTICATION)).orElse(ClientAuthentication.CLIENT_SECRET_BASIC);
    }

    public String tlsKeystore() {
        return getConfig().get(TLS_KEYSTORE);
    }

    /** May be a vault reference such as {@code ${vault.psc-keystore-password}}. */
    public String tlsKeystorePassword() {
        return getConfig().get(TLS_KEYSTORE_PASSWORD);
    }

    public String tlsKeystoreType() {
        String type = getConfig().get(TLS_KEYSTORE_TYPE);
        return type == null || type.isBlank() ? "PKCS12" : type.trim();
    }

    public int httpTimeoutMillis() {
        try {
            int value = Integer.parseInt(getConfig().getOrDefault(HTTP_TIMEOUT_MILLIS, "").trim());
            return value > 0 ? value : DEFAULT_HTTP_TIMEOUT_MILLIS;
        } catch (NumberFormatException e) {
            return DEFAULT_HTTP_TIMEOUT_MILLIS;
        }
    }

    /**
     * Writes the OIDC settings PSC needs into the generic keys Keycloak's OIDC broker reads. Called on
     * the per-request copy of the model, never on the stored one.
     */
    void applyPscSettings() {
        PscEndpoints endpoints = endpoints();
        setIssuer(endpoints.issuer());
        setAuthorizationUrl(endpoints.authorizationUrl());
        setTokenUrl(endpoints.tokenUrl());
        setUserInfoUrl(endpoints.userInfoUrl());
        setJwksUrl(endpoints.jwksUrl());
        setLogoutUrl(endpoints.endSessionUrl());
        setTokenIntrospectionUrl(endpoints.introspectionUrl());
        setUseJwksUrl(true);
        setValidateSignature(true);
        setDefaultScope(SCOPE);
        setPkceEnabled(true);
        setPkceMethod("S256");
        setDisableNonce(false);
        setDisableUserInfoService(false);
        // Relais sends acr_values itself: a client's own acr_values (e.g. "mie-2fa") mean nothing to PSC.
        setForwardParameters("");
        // Logout goes through the browser, with id_token_hint, post_logout_redirect_uri and state.
        setBackchannelSupported(false);
        setSendIdTokenOnLogout(true);
        setSendClientOnLogout(false);
        // With tls_client_auth the provider sends client_id alone; the generic key still needs a
        // value because Keycloak's code reads it unguarded.
        setClientAuthMethod(clientAuthentication() == ClientAuthentication.TLS_CLIENT_AUTH
                ? ClientAuthentication.CLIENT_SECRET_POST.value() : clientAuthentication().value());
    }

    @Override
    public void validate(RealmModel realm) {
        Optional<PscEnvironment> environment = PscEnvironment.parse(getConfig().get(ENVIRONMENT));
        if (environment.isEmpty()) {
            throw new IllegalArgumentException("Pro Santé Connect: environment must be production, sandbox or custom");
        }
        if (environment.get() == PscEnvironment.CUSTOM) {
            requireSecureUrl(getConfig().get(CUSTOM_ISSUER), "issuer");
            requireSecureUrl(getConfig().get(CUSTOM_AUTHORIZATION_URL), "authorization URL");
        }
        String minimum = getConfig().get(MINIMUM_ACR);
        if (minimum != null && !minimum.isBlank() && EidasLevel.parse(minimum).isEmpty()) {
            throw new IllegalArgumentException("Pro Santé Connect: minimum acr must be eidas1, eidas2 or eidas3");
        }
        String auth = getConfig().get(CLIENT_AUTHENTICATION);
        if (auth != null && !auth.isBlank() && ClientAuthentication.parse(auth).isEmpty()) {
            throw new IllegalArgumentException("Pro Santé Connect: unknown client authentication " + auth);
        }
        if (clientAuthentication() == ClientAuthentication.TLS_CLIENT_AUTH && (tlsKeystore() == null || tlsKeystore().isBlank())) {
            throw new IllegalArgumentException("Pro Santé Connect: tls_client_auth needs the keystore of the organisation certificate");
        }
        if (getClientId() == null || getClientId().isBlank()) {
            throw new IllegalArgumentException("Pro Santé Connect: client ID is required");
        }
    }

    /** HTTPS, except on this machine's loopback (a simulator during development and tests). */
    private static void requireSecureUrl(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Pro Santé Connect: a custom environment needs the " + what);
        }
        URI uri;
        try {
            uri = URI.create(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Pro Santé Connect: invalid " + what + ": " + value);
        }
        if ("https".equalsIgnoreCase(uri.getScheme())) {
            return;
        }
        if ("http".equalsIgnoreCase(uri.getScheme()) && isLoopback(uri.getHost())) {
            return;
        }
        throw new IllegalArgumentException("Pro Santé Connect: the " + what + " must use https: " + value);
    }

    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** How Relais authenticates to PSC's token endpoint: the methods PSC actually supports. */
    public enum ClientAuthentication {
        CLIENT_SECRET_BASIC("client_secret_basic"),
        CLIENT_SECRET_POST("client_secret_post"),
        /** RFC 8705: the organisation's IGC-Santé certificate presented in the TLS handshake. */
        TLS_CLIENT_AUTH("tls_client_auth");

        private final String value;

        ClientAuthentication(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        static Optional<ClientAuthentication> parse(String value) {
            if (value == null) {
                return Optional.empty();
            }
            for (ClientAuthentication c : values()) {
                if (c.value.equalsIgnoreCase(value.trim())) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
    }
}
