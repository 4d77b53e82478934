package fr.relais.bench.login;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.relais.runner.DemoProfessional;
import fr.relais.runner.RelaisInstance;
import fr.relais.runner.Secrets;

/**
 * Adds the benchmark clients to the running realm through the admin API: one per kind of login, all
 * in the same realm so every comparison shares the same realm settings (events, brute force, ...).
 * A second realm with Keycloak's default settings holds the card and the stock X.509 logins once more,
 * so the figures separate what the extension costs from what the shipped realm settings cost.
 */
final class BenchRealm {

    static final String REDIRECT = "https://bench.invalid/cb";
    static final String SECRET = "bench-secret";
    static final String STOCK_X509_FLOW = "bench stock x509";
    static final String CARD_FLOW = "bench relais card";
    /** A realm as Keycloak creates it (events off, brute force off, default theme and user profile). */
    static final String STOCK_REALM = "bench-stock";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String adminPassword;
    private final HttpClient http;
    private final java.util.Set<String> realms = new java.util.LinkedHashSet<>();
    private String token;
    private java.time.Instant tokenIssued;

    BenchRealm(RelaisInstance relais) throws IOException, InterruptedException {
        this(relais.baseUrl(), relais.secrets().get(Secrets.ADMIN_PASSWORD), relais.pki().serverTrust());
    }

    /** The realms of any Keycloak started with the runner's bootstrap administrator, Relais or stock. */
    BenchRealm(String baseUrl, String adminPassword, SSLContext serverTrust) throws IOException, InterruptedException {
        this.baseUrl = baseUrl;
        this.adminPassword = adminPassword;
        this.http = HttpClient.newBuilder().sslContext(serverTrust).build();
        logIn();
    }

    /** A fresh admin token: the master realm's tokens live one minute and the bench lasts much longer. */
    private void logIn() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=" + RelaisInstance.ADMIN_USERNAME + "&password="
                + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl
                        + "/realms/master/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        this.token = JSON.readTree(response.body()).get("access_token").asText();
        this.tokenIssued = java.time.Instant.now();
    }

    void create() throws IOException, InterruptedException {
        String realm = RelaisInstance.REALM;
        realms.add(realm);
        // Thousands of logins per minute of one user trip the brute-force detector's quick-login check
        // (seen with the stock X.509 authenticator); every scenario runs without it, so they stay comparable.
        send(realm, "PUT", "", "{\"bruteForceProtected\":false}");
        String flowId = stockX509Flow(realm);
        client(realm, "bench-card", Map.of());
        client(realm, "bench-password", Map.of());
        client(realm, "bench-x509", Map.of("browser", flowId));
        String cc = """
                {"clientId":"bench-cc","secret":"%s","publicClient":false,"standardFlowEnabled":false,
                 "serviceAccountsEnabled":true,"directAccessGrantsEnabled":false}""".formatted(SECRET);
        send(realm, "POST", "clients", cc);
    }

    /**
     * A card-login client (the realm's browser flow) whose tokens carry the shipped RPPS claims, as the DUI's
     * do: the mapper looks the professional up for every token.
     */
    void cardClientWithDirectoryClaims(String realm, String clientId) throws IOException, InterruptedException {
        client(realm, clientId, Map.of());
        String client = JSON.readTree(send(realm, "GET", "clients?clientId=" + clientId, null)).get(0).get("id").asText();
        send(realm, "POST", "clients/" + client + "/protocol-mappers/models", """
                {"name":"rpps","protocol":"openid-connect","protocolMapper":"relais-rpps-claims",
                 "config":{"claim.name":"rpps","id.token.claim":"true","access.token.claim":"true"}}""");
    }

    /**
     * A card-login client of the realm whose access and ID tokens are signed with ES256 (ECDSA P-256) rather
     * than the realm's default RS256; the realm gets an ECDSA key for it, and every other client keeps
     * signing with the default. Measures what the signature algorithm costs per login.
     */
    void cardClientSigningEs256(String realm, String clientId) throws IOException, InterruptedException {
        String realmId = JSON.readTree(send(realm, "GET", "", null)).get("id").asText();
        send(realm, "POST", "components", """
                {"name":"bench-ecdsa-p256","providerId":"ecdsa-generated","providerType":"org.keycloak.keys.KeyProvider",
                 "parentId":"%s","config":{"priority":["10"],"ecdsaEllipticCurveKey":["P-256"]}}""".formatted(realmId));
        client(realm, clientId, Map.of());
        ObjectNode client = (ObjectNode) JSON.readTree(send(realm, "GET", "clients?clientId=" + clientId, null)).get(0);
        ObjectNode attributes = client.has("attributes") ? (ObjectNode) client.get("attributes") : client.putObject("attributes");
        attributes.put("access.token.signed.response.alg", "ES256");
        attributes.put("id.token.signed.response.alg", "ES256");
        send(realm, "PUT", "clients/" + client.get("id").asText(), JSON.writeValueAsString(client));
    }

    /** The stock-settings realm: one professional, the card and the stock X.509 authenticator each alone in a flow. */
    void createStockRealm(DemoProfessional professional) throws IOException, InterruptedException {
        createStockX509Realm(professional);
        String cardFlow = flow(STOCK_REALM, CARD_FLOW, CpsCard.PROVIDER_ID, "bench-card-config", CpsCard.SHIPPED_CONFIG);
        client(STOCK_REALM, "bench-card", Map.of("browser", cardFlow));
    }

    /**
     * The stock-settings realm with one professional and the stock X.509 authenticator alone in a flow
     * (client {@code bench-x509}): all a Keycloak without Relais can hold.
     */
    void createStockX509Realm(DemoProfessional professional) throws IOException, InterruptedException {
        HttpResponse<String> created = http.send(admin("").POST(HttpRequest.BodyPublishers.ofString(
                "{\"realm\":\"" + STOCK_REALM + "\",\"enabled\":true}")).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("realm not created: " + created.statusCode() + " " + created.body());
        }
        realms.add(STOCK_REALM);
        // Keycloak's default user profile drops attributes it does not declare; idnat_ps must be kept.
        ObjectNode profile = (ObjectNode) JSON.readTree(send(STOCK_REALM, "GET", "users/profile", null));
        profile.put("unmanagedAttributePolicy", "ENABLED");
        send(STOCK_REALM, "PUT", "users/profile", JSON.writeValueAsString(profile));
        send(STOCK_REALM, "POST", "users", """
                {"username":"%s","enabled":true,"firstName":"%s","lastName":"%s","email":"%s","emailVerified":true,
                 "attributes":{"idnat_ps":["%s"]}}""".formatted(professional.username(), professional.givenName(),
                professional.surname(), professional.email(), professional.idNatPs()));
        String x509Flow = stockX509Flow(STOCK_REALM);
        client(STOCK_REALM, "bench-x509", Map.of("browser", x509Flow));
    }

    /**
     * Ends every user session of the bench's realms. Each login leaves one, alive for the realm's idle
     * timeout: after a 15-minute warm-up (about 80,000 logins) they kept Keycloak's 512 MB heap 65-72 % full
     * in the old generation and throughput fell by about 70 % within the run. Ended before each
     * kind of login, a measure only carries the sessions of its own minute.
     */
    void endSessions() throws IOException, InterruptedException {
        for (String realm : realms) {
            send(realm, "POST", "logout-all", null);
        }
    }

    /** Whether the realm's "Verify Profile" required action is enabled (it runs at every login). */
    boolean requiredActionEnabled(String realm, String alias) throws IOException, InterruptedException {
        return JSON.readTree(send(realm, "GET", "authentication/required-actions/" + alias, null)).get("enabled").asBoolean();
    }

    void enableRequiredAction(String realm, String alias, boolean enabled) throws IOException, InterruptedException {
        ObjectNode action = (ObjectNode) JSON.readTree(send(realm, "GET", "authentication/required-actions/" + alias, null));
        if (action.get("enabled").asBoolean() != enabled) {
            action.put("enabled", enabled);
            send(realm, "PUT", "authentication/required-actions/" + alias, JSON.writeValueAsString(action));
        }
    }

    /** The card authenticator's id and the settings of the shipped realm's "relais card login" configuration. */
    private static final class CpsCard {
        static final String PROVIDER_ID = "relais-cps-card";
        static final String SHIPPED_CONFIG = """
                {"relais.cps.accepted-card-types":"CPS##CPF","relais.cps.test-mode":"true",
                 "relais.cps.revocation-checking":"true","relais.cps.crl-grace-hours":"72"}""";
    }

    private void client(String realm, String clientId, Map<String, String> flowOverrides) throws IOException, InterruptedException {
        String body = """
                {"clientId":"%s","secret":"%s","publicClient":false,"standardFlowEnabled":true,
                 "directAccessGrantsEnabled":false,"redirectUris":["%s"],"authenticationFlowBindingOverrides":%s}"""
                .formatted(clientId, SECRET, REDIRECT, JSON.writeValueAsString(flowOverrides));
        send(realm, "POST", "clients", body);
    }

    /** Keycloak's own X.509 authenticator, set up as the stock figures were measured (no confirmation page). */
    private String stockX509Flow(String realm) throws IOException, InterruptedException {
        return flow(realm, STOCK_X509_FLOW, "auth-x509-client-username-form", "bench-stock-x509", """
                {"x509-cert-auth.mapping-source-selection":"Subject's Common Name",
                 "x509-cert-auth.mapper-selection":"Custom Attribute Mapper",
                 "x509-cert-auth.mapper-selection.user-attribute-name":"idnat_ps",
                 "x509-cert-auth.confirmation-page-disallowed":"true",
                 "x509-cert-auth.timestamp-validation-enabled":"true",
                 "x509-cert-auth.crl-checking-enabled":"false",
                 "x509-cert-auth.ocsp-checking-enabled":"false"}""");
    }

    /** A top-level flow holding one required authenticator with the given configuration; returns its id. */
    private String flow(String realm, String alias, String provider, String configAlias, String config)
            throws IOException, InterruptedException {
        send(realm, "POST", "authentication/flows", """
                {"alias":"%s","providerId":"basic-flow","topLevel":true,"builtIn":false}""".formatted(alias));
        String flowPath = "authentication/flows/" + alias.replace(" ", "%20");
        send(realm, "POST", flowPath + "/executions/execution", "{\"provider\":\"" + provider + "\"}");
        JsonNode execution = JSON.readTree(send(realm, "GET", flowPath + "/executions", null)).get(0);
        ((ObjectNode) execution).put("requirement", "REQUIRED");
        send(realm, "PUT", flowPath + "/executions", JSON.writeValueAsString(execution));
        send(realm, "POST", "authentication/executions/" + execution.get("id").asText() + "/config",
                "{\"alias\":\"" + configAlias + "\",\"config\":" + config + "}");
        for (JsonNode flow : JSON.readTree(send(realm, "GET", "authentication/flows", null))) {
            if (alias.equals(flow.get("alias").asText())) {
                return flow.get("id").asText();
            }
        }
        throw new IllegalStateException("flow not created");
    }

    private HttpRequest.Builder admin(String path) throws IOException, InterruptedException {
        if (tokenIssued.isBefore(java.time.Instant.now().minusSeconds(30))) {
            logIn();
        }
        return HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms" + (path.isEmpty() ? "" : "/" + path)))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
    }

    private String send(String realm, String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = admin(realm + (path.isEmpty() ? "" : "/" + path));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
