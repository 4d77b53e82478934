package fr.relais.it;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;

import fr.relais.testpki.CertificateAuthority;
import fr.relais.testpki.TestPki;

/**
 * Stands in for the IGC-Santé CRL server: the tests decide what it publishes, and can take it down.
 */
public final class CrlServer implements AutoCloseable {

    private final Map<String, byte[]> published = new ConcurrentHashMap<>();
    private final int port;
    private volatile HttpServer server;

    CrlServer(int port) {
        this.port = port;
    }

    public synchronized void start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("localhost", port), 0);
            http.createContext("/CRL/", exchange -> {
                String name = exchange.getRequestURI().getPath().substring("/CRL/".length());
                byte[] crl = published.get(name);
                if (crl == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    exchange.getResponseHeaders().add("Content-Type", "application/pkix-crl");
                    exchange.sendResponseHeaders(200, crl.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(crl);
                    }
                }
                exchange.close();
            });
            http.start();
            server = http;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Connections are refused from now on, as when the CRL server or the internet is down. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public void publish(String authorityShortName, byte[] der) {
        published.put(authorityShortName + ".crl", der);
    }

    /** Current CRLs (nothing revoked, valid a day) of every card issuer of {@code pki} and of its root. */
    public void publishFresh(TestPki pki) {
        Instant now = Instant.now();
        for (CertificateAuthority ca : pki.cardAuthoritiesAndRoots()) {
            publish(ca.shortName(), ca.crl().thisUpdate(now).nextUpdate(now.plus(Duration.ofDays(1))).crlNumber(nextCrlNumber())
                    .buildDer());
        }
    }

    /** Higher than any CRL number published before, in this run or an earlier one (the drop folder's). */
    public static synchronized BigInteger nextCrlNumber() {
        return BigInteger.valueOf(System.nanoTime()).add(BigInteger.valueOf(System.currentTimeMillis()).shiftLeft(20));
    }

    public String url(String authorityShortName) {
        return "http://localhost:" + port + "/CRL/" + authorityShortName + ".crl";
    }

    @Override
    public void close() {
        stop();
    }
}
