package fr.relais.pscsim;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * One port of the simulator, which the refuse and blackhole faults can take down and bring back on the same
 * port number.
 */
final class Listener {

    enum Mode { SERVING, REFUSING, BLACKHOLING, STOPPED }

    /** How long to retry binding a port the previous socket has just released. */
    private static final long REBIND_TIMEOUT_MS = 5000;

    private final String name;
    private final InetAddress address;
    private final SSLContext ssl;
    private final HttpHandler handler;
    private final Executor executor;
    private final Set<Endpoint> endpoints;
    private int port;
    private HttpServer server;
    private BlackholeSocket blackhole;
    private Mode mode = Mode.STOPPED;
    /** Set once the port has been bound: from then on a failed bind is worth retrying briefly. */
    private boolean bound;

    /** @param endpoints the endpoints served here, to know which faults concern this port */
    Listener(String name, InetAddress address, int port, SSLContext ssl, HttpHandler handler, Executor executor,
            Set<Endpoint> endpoints) {
        this.name = name;
        this.address = address;
        this.port = port;
        this.ssl = ssl;
        this.handler = handler;
        this.executor = executor;
        this.endpoints = Set.copyOf(endpoints);
    }

    String name() {
        return name;
    }

    synchronized int port() {
        return port;
    }

    synchronized Mode mode() {
        return mode;
    }

    boolean serves(Endpoint endpoint) {
        return endpoints.contains(endpoint);
    }

    boolean servesAnyOf(Set<Endpoint> targets) {
        return targets.isEmpty() ? !endpoints.isEmpty() : targets.stream().anyMatch(endpoints::contains);
    }

    synchronized void switchTo(Mode target) {
        if (target == mode) {
            return;
        }
        closeAll();
        try {
            switch (target) {
                case SERVING:
                    openServer();
                    break;
                case BLACKHOLING:
                    blackhole = bindWithRetry(() -> new BlackholeSocket(address, port));
                    break;
                default:
                    break;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reopen port " + port + " (" + name + ")", e);
        }
        mode = target;
    }

    private void openServer() throws IOException {
        HttpServer created = bindWithRetry(() -> {
            InetSocketAddress socket = new InetSocketAddress(address, port);
            if (ssl == null) {
                return HttpServer.create(socket, 128);
            }
            HttpsServer https = HttpsServer.create(socket, 128);
            https.setHttpsConfigurator(new HttpsConfigurator(ssl) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters parameters = ssl.getDefaultSSLParameters();
                    // "Want", not "need": secret-based clients connect without a certificate.
                    parameters.setWantClientAuth(true);
                    params.setSSLParameters(parameters);
                }
            });
            return https;
        });
        created.createContext("/", handler);
        created.setExecutor(executor);
        created.start();
        server = created;
        port = created.getAddress().getPort();
        bound = true;
    }

    private void closeAll() {
        if (server != null) {
            // 0: do not wait for exchanges; a held (blackholed) one would otherwise delay the refusal.
            server.stop(0);
            server = null;
        }
        if (blackhole != null) {
            blackhole.close();
            blackhole = null;
        }
    }

    private interface Binder<T> {
        T bind() throws IOException;
    }

    /** The port was just closed by this very process; retry briefly in case the kernel has not let it go yet. */
    private <T> T bindWithRetry(Binder<T> binder) throws IOException {
        long deadline = System.currentTimeMillis() + REBIND_TIMEOUT_MS;
        while (true) {
            try {
                return binder.bind();
            } catch (BindException e) {
                // A port busy at start is someone else's: fail at once.
                if (!bound || System.currentTimeMillis() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
