package fr.relais.pscsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's own API under {@code /_sim}, never faulted nor recorded:
 * <ul>
 *   <li>{@code GET /_sim/state}</li>
 *   <li>{@code GET|POST|PUT|DELETE /_sim/fault}: POST/PUT take a JSON object or query/form parameters
 *       {@code mode, endpoints, delayMs, status, acr, sizeBytes, durationMs}; DELETE recovers</li>
 *   <li>{@code GET|DELETE /_sim/requests[?endpoint=token]}</li>
 *   <li>{@code GET|POST /_sim/clients}, {@code DELETE /_sim/clients/<clientId>}</li>
 *   <li>{@code GET|POST /_sim/professionals}</li>
 *   <li>{@code GET|POST|DELETE /_sim/auto-login} ({@code idNat, acr, authMode})</li>
 *   <li>{@code GET|DELETE /_sim/sessions}: DELETE ends every PSC session, as an expiry would</li>
 * </ul>
 */
final class AdminHandler implements HttpHandler {

    private final PscSimulator simulator;
    private final SimContext context;

    AdminHandler(PscSimulator simulator, SimContext context) {
        this.simulator = simulator;
        this.context = context;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            Call call = Call.read(exchange, "admin", null);
            String path = call.path();
            String resource = path.length() <= "/_sim/".length() ? "" : path.substring("/_sim/".length());
            String method = call.method();
            try {
                route(call, resource, method);
            } catch (IllegalArgumentException e) {
                call.sendJson(400, Map.of("error", String.valueOf(e.getMessage())));
            } catch (RuntimeException e) {
                call.sendJson(500, Map.of("error", String.valueOf(e)));
            }
        } finally {
            exchange.close();
        }
    }

    private void route(Call call, String resource, String method) throws IOException {
        if (resource.isEmpty() || resource.equals("state")) {
            call.sendJson(200, simulator.stateJson());
        } else if (resource.equals("fault")) {
            fault(call, method);
        } else if (resource.equals("requests")) {
            requests(call, method);
        } else if (resource.equals("clients") || resource.startsWith("clients/")) {
            clients(call, method, resource);
        } else if (resource.equals("professionals")) {
            professionals(call, method);
        } else if (resource.equals("auto-login")) {
            autoLogin(call, method);
        } else if (resource.equals("sessions")) {
            sessions(call, method);
        } else {
            call.sendJson(404, Map.of("error", "Unknown admin resource: " + resource));
        }
    }

    private void fault(Call call, String method) throws IOException {
        switch (method) {
            case "GET" -> { }
            case "DELETE" -> simulator.clearFault();
            case "POST", "PUT" -> {
                Fault fault = ConfigJson.fault(params(call));
                if (simulator.takesDownPort(call.exchange().getLocalAddress().getPort(), fault)) {
                    // Closing this port kills this very connection: answer once the fault is in force for
                    // requests, just before the port closes. A new connection in that millisecond is reset
                    // rather than refused; the admin port and the Java API do not have that gap.
                    simulator.setFault(fault, () -> {
                        try {
                            call.sendJson(200, ConfigJson.toJson(fault));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                    return;
                }
                simulator.setFault(fault);
            }
            default -> {
                call.sendJson(405, Map.of("error", "Method not allowed"));
                return;
            }
        }
        call.sendJson(200, ConfigJson.toJson(simulator.fault()));
    }

    private void requests(Call call, String method) throws IOException {
        if (method.equals("DELETE")) {
            simulator.clearRequests();
            call.sendJson(200, Map.of("cleared", true));
            return;
        }
        String endpoint = call.queryParam("endpoint");
        List<RecordedRequest> requests = endpoint == null ? simulator.requests()
                : simulator.requests(Endpoint.parse(endpoint));
        List<Object> list = new ArrayList<>();
        requests.forEach(request -> list.add(toJson(request)));
        call.sendJson(200, list);
    }

    private void clients(Call call, String method, String resource) throws IOException {
        if (method.equals("DELETE") && resource.startsWith("clients/")) {
            boolean removed = simulator.removeClient(Urls.decode(resource.substring("clients/".length())));
            call.sendJson(removed ? 200 : 404, Map.of("removed", removed));
            return;
        }
        if (method.equals("POST") || method.equals("PUT")) {
            JsonNode body = ConfigJson.parse(call.body());
            if (body.isArray()) {
                body.forEach(node -> simulator.registerClient(ConfigJson.client(node)));
            } else {
                simulator.registerClient(ConfigJson.client(body));
            }
        }
        List<Object> list = new ArrayList<>();
        simulator.clients().forEach(client -> list.add(ConfigJson.toJson(client)));
        call.sendJson(200, list);
    }

    private void professionals(Call call, String method) throws IOException {
        if (method.equals("POST") || method.equals("PUT")) {
            JsonNode body = ConfigJson.parse(call.body());
            if (body.isArray()) {
                body.forEach(node -> simulator.addProfessional(ConfigJson.professional(node)));
            } else {
                simulator.addProfessional(ConfigJson.professional(body));
            }
        }
        List<Object> list = new ArrayList<>();
        simulator.professionals().forEach(p -> list.add(ConfigJson.toJson(p)));
        call.sendJson(200, list);
    }

    private void autoLogin(Call call, String method) throws IOException {
        if (method.equals("DELETE")) {
            simulator.setAutoLogin(null);
        } else if (method.equals("POST") || method.equals("PUT")) {
            Map<String, String> params = params(call);
            String idNat = params.get("idNat");
            if (idNat == null || context.professional(idNat) == null) {
                throw new IllegalArgumentException("Unknown professional: " + idNat);
            }
            simulator.setAutoLogin(new AutoLogin(idNat, params.get("acr"), params.get("authMode")));
        }
        AutoLogin current = context.autoLogin();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("idNat", current == null ? null : current.idNat());
        body.put("acr", current == null ? null : current.acr());
        body.put("authMode", current == null ? null : current.authMode());
        call.sendJson(200, body);
    }

    private void sessions(Call call, String method) throws IOException {
        if (method.equals("DELETE")) {
            simulator.endAllSessions();
        }
        List<Object> list = new ArrayList<>();
        for (SsoSession session : context.grants.sessions()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("sid", session.id());
            entry.put("idNat", session.professional().idNat());
            entry.put("authMode", session.authMode());
            entry.put("acr", session.acr());
            entry.put("authTime", session.authTime().toString());
            list.add(entry);
        }
        call.sendJson(200, list);
    }

    /** A JSON object body, or else the form and query parameters. */
    private static Map<String, String> params(Call call) {
        String body = new String(call.body(), StandardCharsets.UTF_8).trim();
        if (body.startsWith("{")) {
            return ConfigJson.flatParams(ConfigJson.parse(call.body()));
        }
        Map<String, String> params = new LinkedHashMap<>();
        call.query().forEach((name, values) -> params.put(name, values.get(0)));
        for (String name : List.of("mode", "endpoints", "endpoint", "delayMs", "status", "acr", "sizeBytes",
                "durationMs", "idNat", "authMode")) {
            String value = call.formParam(name);
            if (value != null) {
                params.put(name, value);
            }
        }
        return params;
    }

    static Map<String, Object> toJson(RecordedRequest request) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("sequence", request.sequence());
        map.put("time", request.time().toString());
        map.put("listener", request.listener());
        map.put("endpoint", request.endpoint() == null ? null : request.endpoint().wireName());
        map.put("method", request.method());
        map.put("path", request.path());
        map.put("query", request.query());
        map.put("form", request.form());
        map.put("headers", request.headers());
        map.put("clientCertificateSubject", request.clientCertificateSubject());
        map.put("clientAuthentication", request.clientAuthentication());
        return map;
    }
}
