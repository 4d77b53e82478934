package fr.relais.it.continuity;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.relais.runner.RelaisInstance;
import fr.relais.runner.Secrets;

/** Keycloak's admin REST API (and the Relais extensions under it), as a given administrator. */
final class AdminClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: status, and the body parsed when it is JSON. */
    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }
    }

    private final RelaisInstance relais;
    private final HttpClient http;
    private final String token;

    private AdminClient(RelaisInstance relais, String token) {
        this.relais = relais;
        this.http = client(relais);
        this.token = token;
    }

    /** The bootstrap administrator of the master realm, as an operator uses it. */
    static AdminClient master(RelaisInstance relais) throws IOException, InterruptedException {
        return new AdminClient(relais, passwordToken(relais, "master", RelaisInstance.ADMIN_USERNAME,
                relais.secrets().get(Secrets.ADMIN_PASSWORD)));
    }

    /** A user of the given realm, signed in to that realm's admin-cli client. */
    static AdminClient user(RelaisInstance relais, String realm, String username, String password) throws IOException, InterruptedException {
        return new AdminClient(relais, passwordToken(relais, realm, username, password));
    }

    /** The same administrator's token, sent to another node of the cluster. */
    AdminClient on(RelaisInstance node) {
        return new AdminClient(node, token);
    }

    /** No token at all. */
    static AdminClient anonymous(RelaisInstance relais) {
        return new AdminClient(relais, null);
    }

    static HttpClient client(RelaisInstance relais) {
        return HttpClient.newBuilder().sslContext(relais.pki().serverTrust()).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static String passwordToken(RelaisInstance relais, String realm, String username, String password)
            throws IOException, InterruptedException {
        String form = Map.of("grant_type", "password", "client_id", "admin-cli", "username", username, "password", password)
                .entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = client(relais).send(HttpRequest.newBuilder(
                        URI.create(relais.baseUrl() + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("Token for " + username + "@" + realm + " refused: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    /** {@code path} is relative to {@code /admin/realms/}. */
    Reply get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    Reply post(String path, Object body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    Reply put(String path, Object body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    Reply delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE());
    }

    /** GET that must succeed. */
    JsonNode json(String path) throws IOException, InterruptedException {
        Reply reply = get(path);
        if (reply.status() != 200) {
            throw new AssertionError("GET /admin/realms/" + path + " -> " + reply.status() + " " + reply.body());
        }
        return reply.json();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(relais.baseUrl() + "/admin/realms/" + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }
}
