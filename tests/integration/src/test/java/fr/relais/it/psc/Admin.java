package fr.relais.it.psc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.relais.runner.RelaisInstance;
import fr.relais.runner.Secrets;

/** Keycloak's admin REST API as the bootstrap administrator, for what the PSC tests check and change. */
final class Admin {

    static final ObjectMapper JSON = new ObjectMapper();

    private final RelaisInstance relais;
    private final HttpClient client;
    private final String token;

    Admin(RelaisInstance relais) throws IOException, InterruptedException {
        this.relais = relais;
        this.client = HttpClient.newBuilder().sslContext(relais.pki().serverTrust()).build();
        HttpResponse<String> response = new Hops(relais.pki().serverTrust()).postForm(
                relais.baseUrl() + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", RelaisInstance.ADMIN_USERNAME,
                        "password", relais.secrets().get(Secrets.ADMIN_PASSWORD)), null, null);
        if (response.statusCode() != 200) {
            throw new AssertionError("Admin login failed: " + response.statusCode() + " " + response.body());
        }
        this.token = JSON.readTree(response.body()).get("access_token").asText();
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /admin/" + path + " -> " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    void put(String path, JsonNode body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("PUT /admin/" + path + " -> " + response.statusCode() + " " + response.body());
        }
    }

    void post(String path, JsonNode body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("POST /admin/" + path + " -> " + response.statusCode() + " " + response.body());
        }
    }

    /** POSTs a file as the body; returns the response, whatever its status. */
    HttpResponse<String> postFile(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** The status of a GET, for what may legitimately be absent. */
    int status(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET()).statusCode();
    }

    void delete(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).DELETE());
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("DELETE /admin/" + path + " -> " + response.statusCode() + " " + response.body());
        }
    }

    /**
     * The id of the account holding this idNat_PS, made ready for a first PSC login whatever ran before:
     * unlocked (tests that try wrong passwords lock accounts, for every means of login) and not linked to PSC.
     */
    String unlinkedFromPsc(String idNatPs) throws IOException, InterruptedException {
        String userId = get("realms/relais/users?q=idnat_ps:" + idNatPs).get(0).get("id").asText();
        delete("realms/relais/attack-detection/brute-force/users/" + userId);
        for (JsonNode link : get("realms/relais/users/" + userId + "/federated-identity")) {
            if (RelaisInstance.PSC_ALIAS.equals(link.path("identityProvider").asText())) {
                delete("realms/relais/users/" + userId + "/federated-identity/" + RelaisInstance.PSC_ALIAS);
            }
        }
        return userId;
    }

    /** Newest first, like the admin API; only those matching. */
    List<JsonNode> events(String type, Predicate<JsonNode> matching) throws IOException, InterruptedException {
        List<JsonNode> found = new ArrayList<>();
        get("realms/relais/events?max=500" + (type == null ? "" : "&type=" + type)).forEach(e -> {
            if (matching.test(e)) {
                found.add(e);
            }
        });
        return found;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(relais.baseUrl() + "/admin/" + path);
    }
}
