package fr.relais.bench.login;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.relais.runner.RelaisInstance;
import fr.relais.runner.Secrets;

/**
 * Adds the benchmark clients to the running realm through the admin API: one per kind of login, all
 * in the same realm so every comparison shares the same realm settings (events, brute force, ...).
 */
final class BenchRealm {

    static final String REDIRECT = "https://bench.invalid/cb";
    static final String SECRET = "bench-secret";
    static final String STOCK_X509_FLOW = "bench stock x509";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RelaisInstance relais;
    private final HttpClient http;
    private final String token;

    BenchRealm(RelaisInstance relais) throws IOException, InterruptedException {
        this.relais = relais;
        this.http = HttpClient.newBuilder().sslContext(relais.pki().serverTrust()).build();
        String form = "grant_type=password&client_id=admin-cli&username=" + RelaisInstance.ADMIN_USERNAME + "&password="
                + URLEncoder.encode(relais.secrets().get(Secrets.ADMIN_PASSWORD), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(relais.baseUrl()
                        + "/realms/master/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        this.token = JSON.readTree(response.body()).get("access_token").asText();
    }

    void create() throws IOException, InterruptedException {
        // Thousands of logins per minute of one user trip the brute-force detector's quick-login check
        // (seen with the stock X.509 authenticator); every scenario runs without it, so they stay comparable.
        send("PUT", "", "{\"bruteForceProtected\":false}");
        String flowId = stockX509Flow();
        client("bench-card", Map.of());
        client("bench-password", Map.of());
        client("bench-x509", Map.of("browser", flowId));
        String cc = """
                {"clientId":"bench-cc","secret":"%s","publicClient":false,"standardFlowEnabled":false,
                 "serviceAccountsEnabled":true,"directAccessGrantsEnabled":false}""".formatted(SECRET);
        send("POST", "clients", cc);
    }

    private void client(String clientId, Map<String, String> flowOverrides) throws IOException, InterruptedException {
        String body = """
                {"clientId":"%s","secret":"%s","publicClient":false,"standardFlowEnabled":true,
                 "directAccessGrantsEnabled":false,"redirectUris":["%s"],"authenticationFlowBindingOverrides":%s}"""
                .formatted(clientId, SECRET, REDIRECT, JSON.writeValueAsString(flowOverrides));
        send("POST", "clients", body);
    }

    /** Keycloak's own X.509 authenticator, set up as the stock figures were measured (no confirmation page). */
    private String stockX509Flow() throws IOException, InterruptedException {
        send("POST", "authentication/flows", """
                {"alias":"%s","providerId":"basic-flow","topLevel":true,"builtIn":false}""".formatted(STOCK_X509_FLOW));
        String flowPath = "authentication/flows/" + STOCK_X509_FLOW.replace(" ", "%20");
        send("POST", flowPath + "/executions/execution", "{\"provider\":\"auth-x509-client-username-form\"}");
        JsonNode execution = JSON.readTree(send("GET", flowPath + "/executions", null)).get(0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) execution).put("requirement", "REQUIRED");
        send("PUT", flowPath + "/executions", JSON.writeValueAsString(execution));
        send("POST", "authentication/executions/" + execution.get("id").asText() + "/config", """
                {"alias":"bench-stock-x509","config":{
                  "x509-cert-auth.mapping-source-selection":"Subject's Common Name",
                  "x509-cert-auth.mapper-selection":"Custom Attribute Mapper",
                  "x509-cert-auth.mapper-selection.user-attribute-name":"idnat_ps",
                  "x509-cert-auth.confirmation-page-disallowed":"true",
                  "x509-cert-auth.timestamp-validation-enabled":"true",
                  "x509-cert-auth.crl-checking-enabled":"false",
                  "x509-cert-auth.ocsp-checking-enabled":"false"}}""");
        for (JsonNode flow : JSON.readTree(send("GET", "authentication/flows", null))) {
            if (STOCK_X509_FLOW.equals(flow.get("alias").asText())) {
                return flow.get("id").asText();
            }
        }
        throw new IllegalStateException("flow not created");
    }

    private String send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(relais.baseUrl() + "/admin/realms/relais"
                        + (path.isEmpty() ? "" : "/" + path)))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
