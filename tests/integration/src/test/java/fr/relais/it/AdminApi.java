package fr.relais.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.relais.runner.RelaisInstance;
import fr.relais.runner.Secrets;

/** Keycloak's admin REST API, as the bootstrap administrator. */
final class AdminApi {

    static final ObjectMapper JSON = new ObjectMapper();

    private final RelaisInstance relais;
    private final HttpClient client;
    private final String token;

    AdminApi(RelaisInstance relais) throws IOException, InterruptedException {
        this.relais = relais;
        this.client = HttpClient.newBuilder().sslContext(relais.pki().serverTrust()).build();
        HttpResponse<String> response = new Browser(relais.pki().serverTrust()).postForm(
                relais.baseUrl() + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", RelaisInstance.ADMIN_USERNAME,
                        "password", relais.secrets().get(Secrets.ADMIN_PASSWORD)));
        if (response.statusCode() != 200) {
            throw new AssertionError("Admin login failed: " + response.statusCode() + " " + response.body());
        }
        this.token = JSON.readTree(response.body()).get("access_token").asText();
    }

    /** PUT a JSON document to {@code /admin/<path>}. */
    void put(String path, JsonNode body) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(relais.baseUrl() + "/admin/" + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("PUT /admin/" + path + " -> " + response.statusCode() + " " + response.body());
        }
    }

    /** POST a body to {@code /admin/<path>}; the caller checks the answer. */
    HttpResponse<String> post(String path, byte[] body, String contentType) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(relais.baseUrl() + "/admin/" + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET {@code /admin/<path>}; the caller checks the answer. */
    HttpResponse<String> getResponse(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(relais.baseUrl() + "/admin/" + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET {@code /admin/<path>} and parse the JSON answer. */
    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = getResponse(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /admin/" + path + " -> " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
