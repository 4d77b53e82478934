package fr.relais.pscsim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The root handler of one listener: routes a path to its endpoint, records the request, applies the
 * request-level faults (slow, http500, scoped blackhole, oversized), then lets the endpoint answer.
 */
final class Router implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(Router.class.getName());
    private static final int CHUNK = 64 * 1024;

    private final String listener;
    private final Map<String, Endpoint> routes;
    private final Map<Endpoint, EndpointHandler> handlers;
    private final HttpHandler admin;
    private final SimContext context;

    /** @param admin serves {@code /_sim/...} on this listener; null for none */
    Router(String listener, Map<String, Endpoint> routes, Map<Endpoint, EndpointHandler> handlers, HttpHandler admin,
            SimContext context) {
        this.listener = listener;
        this.routes = Map.copyOf(routes);
        this.handlers = Map.copyOf(handlers);
        this.admin = admin;
        this.context = context;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (admin != null && (path.equals("/_sim") || path.startsWith("/_sim/"))) {
            admin.handle(exchange);
            return;
        }
        try {
            Endpoint endpoint = routes.get(path.length() > 1 && path.endsWith("/")
                    ? path.substring(0, path.length() - 1) : path);
            Call call = Call.read(exchange, listener, endpoint);
            context.log.add(call.record(context.log.nextSequence(), context.now()));
            if (endpoint == null) {
                call.sendText(404, "Not found: " + path);
                return;
            }
            Fault fault = context.fault();
            if (fault.appliesTo(endpoint) && applyTransportFault(call, fault)) {
                return;
            }
            handlers.get(endpoint).handle(call);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // Mostly a client that gave up (timeouts, aborted oversized bodies): nothing to answer.
            LOG.log(Level.FINE, "I/O error on " + path, e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Error on " + path, e);
            sendServerError(exchange);
        } finally {
            exchange.close();
        }
    }

    /** @return true when the fault answered (or dropped) the request itself */
    private boolean applyTransportFault(Call call, Fault fault) throws IOException, InterruptedException {
        switch (fault.mode()) {
            case SLOW:
                Thread.sleep(fault.delay().toMillis());
                return false;
            case HTTP500:
                call.oauthError(fault.status(), "server_error", "Simulated failure (http500 fault)");
                return true;
            case BLACKHOLE:
                context.holdUntilFaultChanges();
                call.abort();
                return true;
            case REFUSE:
                // Only in the instant the listener is being closed: a reset is the closest thing.
                call.abort();
                return true;
            case OVERSIZED:
                sendOversized(call, fault.sizeBytes());
                return true;
            default:
                return false;
        }
    }

    /** A syntactically valid JSON object of exactly {@code size} bytes (for size >= 16), streamed. */
    private static void sendOversized(Call call, long size) throws IOException {
        byte[] head = "{\"padding\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\"}".getBytes(StandardCharsets.US_ASCII);
        call.setHeader("Content-Type", "application/json");
        call.setHeader("Cache-Control", "no-store");
        call.exchange().sendResponseHeaders(200, size == 0 ? -1 : size);
        try (OutputStream out = call.exchange().getResponseBody()) {
            long remaining = size;
            if (size >= head.length + tail.length) {
                out.write(head);
                remaining -= head.length + tail.length;
            }
            byte[] chunk = new byte[CHUNK];
            Arrays.fill(chunk, (byte) 'x');
            while (remaining > 0) {
                int n = (int) Math.min(chunk.length, remaining);
                out.write(chunk, 0, n);
                remaining -= n;
            }
            if (size >= head.length + tail.length) {
                out.write(tail);
            }
        }
    }

    private static void sendServerError(HttpExchange exchange) {
        try {
            byte[] body = "{\"error\":\"server_error\"}".getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(500, body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException | RuntimeException e) {
            // Headers were already sent: the connection is closed in the caller's finally.
        }
    }
}
