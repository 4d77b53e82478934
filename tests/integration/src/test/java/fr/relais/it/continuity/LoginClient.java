package fr.relais.it.continuity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;

import fr.relais.runner.RelaisInstance;

/**
 * A browser's part in a login, one request at a time: cookies kept, redirects never followed. The
 * token calls (code exchange, refresh) are the application's, made from its server, so they go
 * through a client of their own without the browser's cookies: a refresh that carries them, landing
 * just as the session ends, gets Keycloak to expire the browser's identity cookie.
 */
final class LoginClient {

    private final RelaisInstance relais;
    private final HttpClient client;
    private final HttpClient application;

    LoginClient(RelaisInstance relais) {
        this(relais, relais.pki().serverTrust());
    }

    /** With a TLS context that presents a card: the browser of a professional whose card is in the reader. */
    LoginClient(RelaisInstance relais, SSLContext tls) {
        this.relais = relais;
        this.client = HttpClient.newBuilder().sslContext(tls).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        this.application = HttpClient.newBuilder().sslContext(relais.pki().serverTrust())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    HttpResponse<String> authorize(String realm, String clientId, String redirectUri) throws IOException, InterruptedException {
        return authorize(realm, clientId, redirectUri, "openid");
    }

    HttpResponse<String> authorize(String realm, String clientId, String redirectUri, String scope) throws IOException, InterruptedException {
        String url = relais.baseUrl() + "/realms/" + realm + "/protocol/openid-connect/auth?" + form(Map.of(
                "client_id", clientId, "response_type", "code", "scope", scope, "redirect_uri", redirectUri,
                "state", "it-state", "nonce", "it-nonce"));
        return get(url);
    }

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "fr").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String url, Map<String, String> fields) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "fr")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The tokens for an authorization code, the client authenticating with its secret. */
    JsonNode tokens(String realm, String code, String clientId, String secret, String redirectUri) throws IOException, InterruptedException {
        return tokens(realm, code, clientId, secret, redirectUri, null);
    }

    /** The same, for a client that must send its PKCE verifier (the baseline realm's clients). */
    JsonNode tokens(String realm, String code, String clientId, String secret, String redirectUri, String codeVerifier)
            throws IOException, InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri));
        if (codeVerifier != null) {
            fields.put("code_verifier", codeVerifier);
        }
        HttpResponse<String> response = applicationRequest(realm, "token", clientId, secret, fields);
        if (response.statusCode() != 200) {
            throw new AssertionError("Token exchange failed: " + response.statusCode() + " " + response.body());
        }
        return AdminClient.JSON.readTree(response.body());
    }

    HttpResponse<String> refresh(String realm, String refreshToken, String clientId, String secret) throws IOException, InterruptedException {
        return applicationRequest(realm, "token", clientId, secret, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    /** The application signs its session out from its server (the refresh token's session ends; 204). */
    HttpResponse<String> logout(String realm, String refreshToken, String clientId, String secret) throws IOException, InterruptedException {
        return applicationRequest(realm, "logout", clientId, secret, Map.of("refresh_token", refreshToken));
    }

    /** A POST to an OpenID Connect endpoint by the application's server: its client secret, none of the browser's cookies. */
    private HttpResponse<String> applicationRequest(String realm, String endpoint, String clientId, String secret, Map<String, String> fields)
            throws IOException, InterruptedException {
        return application.send(HttpRequest.newBuilder(URI.create(relais.baseUrl() + "/realms/" + realm + "/protocol/openid-connect/" + endpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The action URL of the form with this id. */
    static String formAction(String page, String formId) {
        Matcher m = Pattern.compile("<form[^>]*id=\"" + Pattern.quote(formId) + "\"[^>]*action=\"([^\"]+)\"", Pattern.DOTALL).matcher(page);
        if (!m.find()) {
            m = Pattern.compile("<form[^>]*action=\"([^\"]+)\"[^>]*id=\"" + Pattern.quote(formId) + "\"", Pattern.DOTALL).matcher(page);
            if (!m.find()) {
                throw new AssertionError("No form " + formId + " in page:\n" + page);
            }
        }
        return m.group(1).replace("&amp;", "&");
    }

    static Map<String, String> query(String location) {
        Map<String, String> values = new HashMap<>();
        String raw = URI.create(location).getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    /** The claims of a JWT, unverified: the tests read what the server put in. */
    static JsonNode claims(String jwt) throws IOException {
        return AdminClient.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
