package fr.relais.pscsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/** A minimal relying party driving the simulator over HTTP, as Keycloak's broker would. */
final class TestRp {

    static final String REDIRECT_URI = "https://rp.example/callback";
    static final String POST_LOGOUT_URI = "https://rp.example/logged-out";
    static final ObjectMapper JSON = new ObjectMapper();

    final PscSimulator psc;
    final HttpClient http;
    final String clientId;
    final String secret;
    String verifier;
    String nonce;
    String state;

    TestRp(PscSimulator psc, String clientId, String secret) {
        this(psc, clientId, secret, null);
    }

    TestRp(PscSimulator psc, String clientId, String secret, SSLContext ssl) {
        this.psc = psc;
        this.clientId = clientId;
        this.secret = secret;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5));
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        this.http = builder.build();
        newTransaction();
    }

    /** Fresh PKCE verifier, nonce and state. */
    void newTransaction() {
        verifier = random(48);
        nonce = random(16);
        state = random(16);
    }

    String challenge() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The authorize URL PSC-style, plus extra parameters (a null value removes a default one). */
    URI authorizeUri(String... extra) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", clientId);
        params.put("redirect_uri", REDIRECT_URI);
        params.put("scope", "openid scope_all");
        params.put("acr_values", "eidas1");
        params.put("state", state);
        params.put("nonce", nonce);
        params.put("code_challenge", challenge());
        params.put("code_challenge_method", "S256");
        for (int i = 0; i < extra.length; i += 2) {
            params.put(extra[i], extra[i + 1]);
        }
        return URI.create(Urls.withParams(psc.authorizationEndpoint(), params));
    }

    HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build());
    }

    HttpResponse<String> get(String uri) {
        return get(URI.create(uri));
    }

    HttpResponse<String> postForm(String uri, Map<String, String> form, boolean basic) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (basic) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (Urls.encode(clientId) + ":" + Urls.encode(secret)).getBytes(StandardCharsets.UTF_8)));
        }
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Authorize with login_hint and return the code, checking the redirect. */
    String codeFor(String idNat, String... extra) {
        String[] params = new String[extra.length + 2];
        params[0] = "login_hint";
        params[1] = idNat;
        System.arraycopy(extra, 0, params, 2, extra.length);
        HttpResponse<String> response = get(authorizeUri(params));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        Map<String, String> query = redirectParams(response);
        assertThat(query).containsEntry("state", state).containsKey("code");
        return query.get("code");
    }

    static Map<String, String> redirectParams(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        Map<String, String> result = new LinkedHashMap<>();
        Urls.parseQuery(URI.create(location).getRawQuery()).forEach((k, v) -> result.put(k, v.get(0)));
        return result;
    }

    /** Exchanges a code with client_secret_basic; returns the raw response. */
    HttpResponse<String> exchange(String code) {
        return postForm(psc.tokenEndpoint(), Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT_URI, "code_verifier", verifier), true);
    }

    /** login_hint flow then code exchange; returns the token response JSON. */
    JsonNode login(String idNat, String... extra) {
        HttpResponse<String> response = exchange(codeFor(idNat, extra));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body());
    }

    JsonNode refresh(String refreshToken) {
        HttpResponse<String> response = postForm(psc.tokenEndpoint(),
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken), true);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body());
    }

    HttpResponse<String> userinfo(String accessToken) {
        return send(HttpRequest.newBuilder(URI.create(psc.userinfoEndpoint()))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + accessToken).GET().build());
    }

    /** Verifies a JWT against the JWKS fetched over HTTP, picking the key by kid as relying parties do. */
    JWTClaimsSet verified(String jwt) {
        try {
            SignedJWT signed = SignedJWT.parse(jwt);
            RSAKey key = (RSAKey) jwks().getKeyByKeyId(signed.getHeader().getKeyID());
            assertThat(key).as("key " + signed.getHeader().getKeyID() + " in the JWKS").isNotNull();
            assertThat(signed.verify(new RSASSAVerifier(key))).as("signature").isTrue();
            return signed.getJWTClaimsSet();
        } catch (ParseException | JOSEException e) {
            throw new AssertionError(e);
        }
    }

    /** Whether the JWT verifies against the published key with its kid. */
    boolean signatureValid(String jwt) {
        try {
            SignedJWT signed = SignedJWT.parse(jwt);
            RSAKey key = (RSAKey) jwks().getKeyByKeyId(signed.getHeader().getKeyID());
            return key != null && signed.verify(new RSASSAVerifier(key));
        } catch (ParseException | JOSEException e) {
            return false;
        }
    }

    JWKSet jwks() {
        try {
            return JWKSet.parse(get(psc.jwksUri()).body());
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }

    static JWTClaimsSet claims(String jwt) {
        try {
            return SignedJWT.parse(jwt).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    static String encode(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(Urls.encode(name)).append('=').append(Urls.encode(value));
        });
        return body.toString();
    }

    static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        new SecureRandom().nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    static List<String> list(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
