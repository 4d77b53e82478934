package fr.relais.testpki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.bouncycastle.cert.ocsp.OCSPRespBuilder;

/**
 * A small OCSP responder over HTTP POST (RFC 6960 appendix A) for one {@link CertificateAuthority}:
 * signed answers from the CA itself, "good" unless the test set another status for a serial. It can
 * also blackhole requests: accept the connection, read the request and never answer.
 */
public final class OcspResponder implements AutoCloseable {

    private static final int MAX_REQUEST_BYTES = 64 * 1024;

    private final CertificateAuthority ca;
    private final Map<BigInteger, OcspResponseBuilder.Status> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final Object blackholeLock = new Object();
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "test-ocsp-responder");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpServer server;
    private boolean blackhole;
    private boolean closed;

    private OcspResponder(CertificateAuthority ca) {
        this.ca = ca;
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    /** Listens on a free port of localhost. */
    public static OcspResponder start(CertificateAuthority ca) {
        OcspResponder responder = new OcspResponder(ca);
        responder.server.start();
        return responder;
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/ocsp";
    }

    public void status(BigInteger serial, OcspResponseBuilder.Status status) {
        statuses.put(serial, status);
    }

    /** While on, every request is read and left unanswered; turning it off lets the waiting ones go unanswered. */
    public void blackhole(boolean on) {
        synchronized (blackholeLock) {
            blackhole = on;
            blackholeLock.notifyAll();
        }
    }

    /** Requests received so far, answered or not. */
    public int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_REQUEST_BYTES);
            }
            requests.incrementAndGet();
            if (holdWhileBlackholed()) {
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] response;
            try {
                OcspResponseBuilder builder = ca.ocspResponse(body);
                response = builder.status(statuses.getOrDefault(builder.askedSerial(), OcspResponseBuilder.Status.GOOD))
                        .buildDer();
            } catch (IllegalArgumentException malformed) {
                response = OcspResponseBuilder.unsuccessful(OCSPRespBuilder.MALFORMED_REQUEST);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/ocsp-response");
            exchange.sendResponseHeaders(200, response.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response);
            }
        }
    }

    /** @return true when the request was blackholed and must get no answer */
    private boolean holdWhileBlackholed() {
        synchronized (blackholeLock) {
            if (!blackhole) {
                return false;
            }
            while (blackhole && !closed) {
                try {
                    blackholeLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
            }
            return true;
        }
    }

    @Override
    public void close() {
        synchronized (blackholeLock) {
            closed = true;
            blackholeLock.notifyAll();
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
