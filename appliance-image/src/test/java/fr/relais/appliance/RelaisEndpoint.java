package fr.relais.appliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.relais.testpki.IssuedCertificate;
import fr.relais.testpki.TestPki;

/**
 * A running Relais appliance seen from outside, the way a browser and the DUI see it: HTTPS with the
 * appliance's certificate (generated at first boot, read from its state folder, or the operator's),
 * a TEST card presented over mutual TLS, the authorization-code flow with PKCE, the admin API.
 */
final class RelaisEndpoint {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String DUI_URL = "https://dui.relais.test";
    static final String REDIRECT_URI = DUI_URL + "/callback";

    final int httpsPort;
    final int managementPort;
    private final Path state;
    private final TestPki pki;
    private final IssuedCertificate card;
    private final boolean operatorCertificate;
    private final Supplier<String> diagnostics;
    private String verifier;

    /**
     * @param state               the appliance's /var/lib/relais, seen from the host
     * @param operatorCertificate whether the server presents a certificate of {@code pki} (else its own, generated)
     * @param diagnostics         the appliance's log, for failure messages
     */
    RelaisEndpoint(int httpsPort, int managementPort, Path state, TestPki pki, IssuedCertificate card,
                   boolean operatorCertificate, Supplier<String> diagnostics) {
        this.httpsPort = httpsPort;
        this.managementPort = managementPort;
        this.state = state;
        this.pki = pki;
        this.card = card;
        this.operatorCertificate = operatorCertificate;
        this.diagnostics = diagnostics;
    }

    /** The same endpoint served by another process, e.g. the node's earlier version on the host. */
    RelaisEndpoint withDiagnostics(Supplier<String> otherDiagnostics) {
        return new RelaisEndpoint(httpsPort, managementPort, state, pki, card, operatorCertificate, otherDiagnostics);
    }

    String baseUrl() {
        return "https://localhost:" + httpsPort;
    }

    String realmUrl() {
        return baseUrl() + "/realms/relais";
    }

    /** Waits for /health/ready on the management port while {@code alive} holds. */
    void awaitReady(Duration timeout, BooleanSupplier alive) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException("The appliance stopped during start-up:\n" + diagnostics.get());
            }
            if (operatorCertificate || Files.isRegularFile(state.resolve("tls/server.pem"))) {
                try {
                    HttpResponse<String> health = http(false, null).send(
                            get("https://localhost:" + managementPort + "/health/ready"), HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            sleep(500);
        }
        throw new IllegalStateException("The appliance was not ready within " + timeout + ":\n" + diagnostics.get());
    }

    /** Status and body of a GET on {@code https://localhost:<port><path>}, without a client certificate. */
    HttpResponse<String> get(int port, String path) throws Exception {
        return http(false, null).send(get("https://localhost:" + port + path), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode discovery() throws Exception {
        HttpResponse<String> response = http(false, null).send(get(realmUrl() + "/.well-known/openid-configuration"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    Map<String, String> secrets() throws IOException {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String line : Files.readAllLines(state.resolve("secrets.env"))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                secrets.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return secrets;
    }

    HttpClient http(boolean presentCard, CookieManager cookieJar) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            Collection<X509Certificate> anchors = new ArrayList<>(pki.trustAnchors());
            if (!operatorCertificate) {
                try (var in = Files.newInputStream(state.resolve("tls/server.pem"))) {
                    anchors.add((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
                }
            }
            int i = 0;
            for (X509Certificate anchor : anchors) {
                trust.setCertificateEntry("t" + i++, anchor);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyManagerFactory kmf = null;
            if (presentCard) {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                keys.setKeyEntry("card", card.privateKey(), "x".toCharArray(), card.chain().toArray(new X509Certificate[0]));
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, "x".toCharArray());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            HttpClient.Builder builder = HttpClient.newBuilder().sslContext(context)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(3));
            if (cookieJar != null) {
                builder.cookieHandler(cookieJar);
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An admin API token of the first administrator, with the password generated at first boot. */
    private String adminToken() throws Exception {
        HttpResponse<String> token = http(false, null).send(form(baseUrl() + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                        "password", secrets().get("RELAIS_ADMIN_PASSWORD")), null), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return JSON.readTree(token.body()).get("access_token").asText();
    }

    /** GET on the admin API, e.g. {@code /admin/realms/relais/...}. */
    JsonNode admin(String path) throws Exception {
        HttpResponse<String> response = http(false, null).send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + adminToken()).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The professional holding {@code card}, created through the admin API with the generated admin password. */
    void createProfessional(String idNatPs) throws Exception {
        String user = """
                {"username": "claire.martin", "enabled": true, "firstName": "Claire", "lastName": "MARTIN",
                 "email": "claire.martin@relais.test", "emailVerified": true,
                 "attributes": {"idnat_ps": ["%s"], "profession": ["60"]}}""".formatted(idNatPs);
        HttpResponse<String> created = adminWrite("POST", "/admin/realms/relais/users", user);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    /** POST or PUT of a JSON body on the admin API, e.g. {@code /admin/realms/relais/clients}. */
    HttpResponse<String> adminWrite(String method, String path, String json) throws Exception {
        return http(false, null).send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Authorization request through {@code client}; returns the code of the redirect to the DUI. */
    String authorize(HttpClient client) throws Exception {
        verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String url = realmUrl() + "/protocol/openid-connect/auth?" + query(Map.of("client_id", "dui",
                "response_type", "code", "scope", "openid", "redirect_uri", REDIRECT_URI, "state", "s1",
                "nonce", "n1", "code_challenge", challenge, "code_challenge_method", "S256"));
        HttpResponse<String> response = client.send(get(url), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT_URI);
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            if (pair.startsWith("code=")) {
                return URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no code in " + location);
    }

    /** A whole card login; returns the DUI's tokens. */
    JsonNode cardLogin(CookieManager cookieJar) throws Exception {
        // The CRLs of the drop folder are loaded by a background job a few seconds after start.
        Instant deadline = Instant.now().plusSeconds(60);
        String code = null;
        while (code == null) {
            try {
                code = authorize(http(true, cookieJar));
            } catch (AssertionError refused) {
                if (Instant.now().isAfter(deadline) || !refused.getMessage().contains("relais.card.revocation")) {
                    throw new AssertionError(refused.getMessage() + "\n--- appliance log ---\n" + diagnostics.get(), refused);
                }
                sleep(2_000);
            }
        }
        HttpResponse<String> tokens = tokenRequest(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT_URI, "code_verifier", verifier));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return JSON.readTree(tokens.body());
    }

    /** A token request of the DUI, with the client secret generated at first boot. */
    HttpResponse<String> tokenRequest(Map<String, String> parameters) throws Exception {
        return tokenRequest("dui", secrets().get("RELAIS_DUI_CLIENT_SECRET"), parameters);
    }

    HttpResponse<String> tokenRequest(String clientId, String clientSecret, Map<String, String> parameters) throws Exception {
        return http(false, null).send(form(realmUrl() + "/protocol/openid-connect/token", parameters,
                clientId + ":" + clientSecret), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode claims(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static HttpRequest form(String url, Map<String, String> parameters, String basicAuth) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(query(parameters)));
        if (basicAuth != null) {
            builder.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
        }
        return builder.build();
    }

    private static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
