package fr.relais.it.continuity;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Just enough of Pro Santé Connect for the probes: its discovery document and keys, at PSC's paths,
 * with the outages the tests switch on. The login itself is the PSC simulator's business.
 */
final class FakePsc implements AutoCloseable {

    enum Mode { UP, ERROR, BLACKHOLE }

    static final String REALM_PATH = "/auth/realms/esante-wallet";

    private final int port;
    private volatile Mode mode = Mode.UP;
    private HttpServer server;

    FakePsc() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            this.port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        start();
    }

    String issuer() {
        return "http://127.0.0.1:" + port + REALM_PATH;
    }

    String discoveryUrl() {
        return issuer() + "/.well-known/wallet-openid-configuration";
    }

    String jwksUrl() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    String authorizationUrl() {
        return "http://127.0.0.1:" + port + "/auth";
    }

    void mode(Mode value) {
        mode = value;
    }

    /** Connections are refused from now on, as when PSC's host is unreachable. */
    synchronized void refuse() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            http.createContext("/", this::handle);
            http.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "fake-psc");
                t.setDaemon(true);
                return t;
            }));
            http.start();
            server = http;
            mode = Mode.UP;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            // Held without a word while blackholed, as a firewall that drops the replies would.
            long until = System.currentTimeMillis() + 60_000;
            while (mode == Mode.BLACKHOLE && System.currentTimeMillis() < until) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (mode == Mode.ERROR) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String body;
            if (path.equals(REALM_PATH + "/.well-known/wallet-openid-configuration")) {
                body = "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + jwksUrl() + "\"}";
            } else if (path.equals(REALM_PATH + "/protocol/openid-connect/certs")) {
                body = "{\"keys\":[]}";
            } else {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        mode = Mode.UP;
        refuse();
    }
}
