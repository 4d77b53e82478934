package fr.relais.psc.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.http.client.config.RequestConfig;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClientBuilder;
import org.jboss.logging.Logger;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.http.simple.SimpleHttpRequest;
import org.keycloak.http.simple.SimpleHttpResponse;
import org.keycloak.models.KeycloakSession;
import org.keycloak.truststore.TruststoreProvider;
import org.keycloak.vault.VaultStringSecret;

/**
 * The HTTP client for PSC's back channel (token, userinfo, refresh). Keycloak's shared client has one
 * set of timeouts and one client certificate for the whole server; PSC needs its own short timeouts (a
 * login must fail in seconds when PSC hangs, not leave the professional in front of a blank page) and,
 * with tls_client_auth, the organisation's certificate. Clients are kept per configuration and reused,
 * as a connection pool should be.
 */
final class PscHttp {

    private static final Logger LOG = Logger.getLogger(PscHttp.class);
    /** Real userinfo answers are a few kB; anything near this is not PSC. */
    static final long MAX_RESPONSE_BYTES = 1024 * 1024;
    private static final Map<String, CloseableHttpClient> CLIENTS = new ConcurrentHashMap<>();

    private final SimpleHttp http;

    private PscHttp(SimpleHttp http) {
        this.http = http;
    }

    static PscHttp forConfig(KeycloakSession session, PscIdentityProviderConfig config) {
        int timeout = config.httpTimeoutMillis();
        String key = key(session, config);
        CloseableHttpClient client = CLIENTS.computeIfAbsent(key, k -> build(session, config));
        RequestConfig requestConfig = RequestConfig.custom()
                .setConnectTimeout(timeout).setSocketTimeout(timeout).setConnectionRequestTimeout(timeout).build();
        return new PscHttp(SimpleHttp.create(client).withRequestConfig(requestConfig)
                .withMaxConsumedResponseSize(MAX_RESPONSE_BYTES));
    }

    /** The same request (URL, form parameters, headers) sent through this client instead of Keycloak's. */
    SimpleHttpRequest post(SimpleHttpRequest original) {
        SimpleHttpRequest copy = http.doPost(original.getUrl());
        if (original.getHeaders() != null) {
            original.getHeaders().forEach(copy::header);
        }
        if (original.getParams() != null) {
            original.getParams().forEach(copy::param);
        }
        return copy;
    }

    SimpleHttpRequest get(String url) {
        return http.doGet(url);
    }

    /** Status, body and content type, or a {@link PscLoginException} that says what went wrong. */
    static Answer send(SimpleHttpRequest request, String endpoint) {
        try (SimpleHttpResponse response = request.asResponse()) {
            int status = response.getStatus();
            String body = response.asString();
            String contentType = response.getFirstHeader("Content-Type");
            return new Answer(status, body == null ? "" : body, contentType);
        } catch (ConnectException | NoRouteToHostException | UnknownHostException e) {
            throw new PscLoginException(PscFailure.UNREACHABLE, endpoint + ": " + e.getMessage())
                    .detail("psc_endpoint", endpoint);
        } catch (SocketTimeoutException | ConnectTimeoutException e) {
            throw new PscLoginException(PscFailure.TIMEOUT, endpoint + ": no answer in time")
                    .detail("psc_endpoint", endpoint);
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("max bytes to be consumed")) {
                throw new PscLoginException(PscFailure.RESPONSE_TOO_LARGE, endpoint + ": response larger than "
                        + MAX_RESPONSE_BYTES + " bytes").detail("psc_endpoint", endpoint);
            }
            throw new PscLoginException(PscFailure.UNREACHABLE, endpoint + ": " + e)
                    .detail("psc_endpoint", endpoint);
        }
    }

    record Answer(int status, String body, String contentType) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private static String key(KeycloakSession session, PscIdentityProviderConfig config) {
        StringBuilder key = new StringBuilder(String.valueOf(config.getInternalId())).append('|')
                .append(config.clientAuthentication());
        if (config.clientAuthentication() == PscIdentityProviderConfig.ClientAuthentication.TLS_CLIENT_AUTH) {
            Path keystore = Path.of(config.tlsKeystore());
            long modified;
            try {
                modified = Files.getLastModifiedTime(keystore).toMillis();
            } catch (IOException e) {
                modified = -1;
            }
            // A renewed certificate file gives a new key, hence a new client.
            key.append('|').append(keystore).append('|').append(modified).append('|').append(config.tlsKeystoreType())
                    .append('|').append(Integer.toHexString(String.valueOf(config.tlsKeystorePassword()).hashCode()));
        }
        return key.toString();
    }

    private static CloseableHttpClient build(KeycloakSession session, PscIdentityProviderConfig config) {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(config.clientAuthentication() == PscIdentityProviderConfig.ClientAuthentication.TLS_CLIENT_AUTH
                            ? keyManagers(session, config) : null,
                    trustManagers(session), null);
            // Pooled, no retries: a PSC that does not answer must fail the login once, fast.
            return HttpClientBuilder.create().setSSLContext(tls).disableAutomaticRetries()
                    .setMaxConnTotal(64).setMaxConnPerRoute(32).useSystemProperties().build();
        } catch (GeneralSecurityException | IOException e) {
            LOG.errorf("Pro Santé Connect: cannot set up the HTTP client (%s)", e.getMessage());
            throw new PscLoginException(PscFailure.UNREACHABLE, "HTTP client set-up failed: " + e.getMessage(), e);
        }
    }

    private static javax.net.ssl.KeyManager[] keyManagers(KeycloakSession session, PscIdentityProviderConfig config)
            throws GeneralSecurityException, IOException {
        char[] password;
        try (VaultStringSecret secret = session.vault().getStringSecret(config.tlsKeystorePassword())) {
            String value = secret.get().orElse(config.tlsKeystorePassword());
            password = value == null ? new char[0] : value.toCharArray();
        }
        KeyStore keyStore = KeyStore.getInstance(config.tlsKeystoreType());
        try (InputStream in = Files.newInputStream(Path.of(config.tlsKeystore()))) {
            keyStore.load(in, password);
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keyStore, password);
        return factory.getKeyManagers();
    }

    /** Keycloak's configured trust store when there is one, so PSC is trusted like every other outgoing call. */
    private static javax.net.ssl.TrustManager[] trustManagers(KeycloakSession session) throws GeneralSecurityException {
        TruststoreProvider truststore = session.getProvider(TruststoreProvider.class);
        KeyStore store = truststore == null ? null : truststore.getTruststore();
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }
}
