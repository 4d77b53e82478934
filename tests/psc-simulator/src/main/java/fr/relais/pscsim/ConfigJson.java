package fr.relais.pscsim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The JSON forms of the configuration file, the admin API bodies and their answers. Parsed by hand from a tree
 * so that error messages name the offending field and unknown fields of activities are kept.
 *
 * <pre>{@code
 * {
 *   "port": 8090, "walletPort": 8091, "adminPort": 8099, "host": "localhost", "bindAddress": "127.0.0.1",
 *   "accessTokenLifetimeSeconds": 120, "refreshTokenLifetimeSeconds": 1800, "requireScopeAll": true,
 *   "clients": [{"clientId": "relais", "secret": "s3cret", "redirectUris": ["https://localhost:8443/*"],
 *                "postLogoutRedirectUris": [], "tlsSubjectDn": "CN=relais,O=EHPAD", "userinfo": "json"}],
 *   "professionals": [{"idNat": "899700100011", "codeCivilite": "MME", "givenName": "Claire",
 *                      "familyName": "MARTIN", "idOrigin": "RPPS",
 *                      "exercices": [{"codeProfession": "60", "activities": [{"numeroFinessSite": "..."}]}]}],
 *   "keepDemoProfessionals": false
 * }
 * }</pre>
 */
final class ConfigJson {

    private ConfigJson() {
    }

    static JsonNode read(Path file) {
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static JsonNode parse(byte[] json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies a configuration file; a bare array is taken as a list of clients. */
    static void apply(JsonNode root, SimulatorConfig.Builder builder) {
        if (root.isArray()) {
            root.forEach(node -> builder.client(client(node)));
            return;
        }
        if (root.has("host")) {
            builder.host(root.get("host").asText());
        }
        if (root.has("bindAddress")) {
            try {
                builder.bindAddress(InetAddress.getByName(root.get("bindAddress").asText()));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("Unknown bindAddress " + root.get("bindAddress").asText(), e);
            }
        }
        if (root.has("port")) {
            builder.port(root.get("port").asInt());
        }
        if (root.has("walletPort")) {
            builder.walletPort(root.get("walletPort").isNull() ? null : root.get("walletPort").asInt());
        }
        if (root.has("adminPort")) {
            builder.adminPort(root.get("adminPort").isNull() ? null : root.get("adminPort").asInt());
        }
        if (root.has("accessTokenLifetimeSeconds")) {
            builder.accessTokenLifetime(Duration.ofSeconds(root.get("accessTokenLifetimeSeconds").asLong()));
        }
        if (root.has("refreshTokenLifetimeSeconds")) {
            builder.refreshTokenLifetime(Duration.ofSeconds(root.get("refreshTokenLifetimeSeconds").asLong()));
        }
        if (root.has("requireScopeAll")) {
            builder.requireScopeAll(root.get("requireScopeAll").asBoolean());
        }
        for (JsonNode node : root.path("clients")) {
            builder.client(client(node));
        }
        if (root.has("professionals")) {
            List<Professional> list = new ArrayList<>();
            if (root.path("keepDemoProfessionals").asBoolean(false)) {
                list.addAll(DemoProfessionals.all());
            }
            for (JsonNode node : root.get("professionals")) {
                Professional professional = professional(node);
                list.removeIf(p -> p.idNat().equals(professional.idNat()));
                list.add(professional);
            }
            builder.professionals(list);
        }
    }

    // ---- clients ----

    static ClientRegistration client(JsonNode node) {
        String format = text(node, "userinfo");
        if (format == null) {
            format = text(node, "userinfoFormat");
        }
        return new ClientRegistration(required(node, "clientId"), text(node, "secret"),
                strings(node.path("redirectUris")), strings(node.path("postLogoutRedirectUris")),
                text(node, "tlsSubjectDn"), format == null ? UserinfoFormat.JSON : UserinfoFormat.parse(format));
    }

    static Map<String, Object> toJson(ClientRegistration client) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("clientId", client.clientId());
        map.put("secret", client.secret());
        map.put("redirectUris", client.redirectUris());
        map.put("postLogoutRedirectUris", client.postLogoutRedirectUris());
        map.put("tlsSubjectDn", client.tlsSubjectDn());
        map.put("userinfo", client.userinfoFormat().name().toLowerCase(Locale.ROOT));
        return map;
    }

    // ---- professionals ----

    static Professional professional(JsonNode node) {
        List<Exercice> exercices = new ArrayList<>();
        for (JsonNode exercice : node.path("exercices")) {
            List<Activity> activities = new ArrayList<>();
            for (JsonNode activity : exercice.path("activities")) {
                activities.add(new Activity(stringFields(activity, Set.of())));
            }
            exercices.add(new Exercice(stringFields(exercice, Set.of("activities")), activities));
        }
        return new Professional(required(node, "idNat"), text(node, "codeCivilite"), text(node, "givenName"),
                text(node, "familyName"), text(node, "idOrigin"), exercices);
    }

    static Map<String, Object> toJson(Professional professional) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("idNat", professional.idNat());
        map.put("codeCivilite", professional.codeCivilite());
        map.put("givenName", professional.givenName());
        map.put("familyName", professional.familyName());
        map.put("idOrigin", professional.idOrigin());
        List<Object> exercices = new ArrayList<>();
        professional.exercices().forEach(e -> exercices.add(e.toClaim()));
        map.put("exercices", exercices);
        return map;
    }

    // ---- faults ----

    /** A fault from a JSON object or from query/form parameters (same names; endpoints comma-separated). */
    static Fault fault(Map<String, String> params) {
        String mode = params.get("mode");
        if (mode == null) {
            throw new IllegalArgumentException("Missing fault mode");
        }
        Fault fault = Fault.of(FaultMode.parse(mode));
        String endpoints = params.get("endpoints");
        if (endpoints == null) {
            endpoints = params.get("endpoint");
        }
        if (endpoints != null && !endpoints.isBlank()) {
            Set<Endpoint> set = EnumSet.noneOf(Endpoint.class);
            for (String name : endpoints.split(",")) {
                if (!name.isBlank()) {
                    set.add(Endpoint.parse(name));
                }
            }
            fault = fault.onlyOn(set);
        }
        if (params.get("delayMs") != null) {
            fault = fault.withDelay(Duration.ofMillis(Long.parseLong(params.get("delayMs"))));
        }
        if (params.get("status") != null) {
            fault = fault.withStatus(Integer.parseInt(params.get("status")));
        }
        if (params.containsKey("acr")) {
            fault = fault.withAcr(params.get("acr"));
        }
        if (params.get("sizeBytes") != null) {
            fault = fault.withSizeBytes(Long.parseLong(params.get("sizeBytes")));
        }
        if (params.get("durationMs") != null) {
            fault = fault.lasting(Duration.ofMillis(Long.parseLong(params.get("durationMs"))));
        }
        return fault;
    }

    /** Flattens a JSON object to parameters (arrays joined by commas), the form {@link #fault(Map)} takes. */
    static Map<String, String> flatParams(JsonNode node) {
        Map<String, String> params = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isArray()) {
                params.put(field.getKey(), String.join(",", strings(value)));
            } else if (value.isNull()) {
                params.put(field.getKey(), null);
            } else {
                params.put(field.getKey(), value.asText());
            }
        }
        return params;
    }

    static Map<String, Object> toJson(Fault fault) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("mode", fault.mode().wireName());
        map.put("endpoints", fault.endpoints().stream().sorted().map(Endpoint::wireName).toList());
        map.put("delayMs", fault.delay().toMillis());
        map.put("status", fault.status());
        map.put("acr", fault.acr());
        map.put("sizeBytes", fault.sizeBytes());
        map.put("durationMs", fault.duration() == null ? null : fault.duration().toMillis());
        return map;
    }

    // ---- helpers ----

    private static Map<String, String> stringFields(JsonNode node, Set<String> skip) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!skip.contains(field.getKey())) {
                fields.put(field.getKey(), field.getValue().isNull() ? "" : field.getValue().asText());
            }
        }
        return fields;
    }

    private static List<String> strings(JsonNode node) {
        List<String> list = new ArrayList<>();
        if (node.isTextual()) {
            list.add(node.asText());
        }
        for (JsonNode item : node) {
            list.add(item.asText());
        }
        return list;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw new IllegalArgumentException("Missing \"" + field + "\" in " + node);
        }
        return value;
    }
}
