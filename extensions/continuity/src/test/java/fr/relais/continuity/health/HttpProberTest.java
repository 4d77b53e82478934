package fr.relais.continuity.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** Against real sockets on this machine: what each kind of outage looks like to a probe. */
class HttpProberTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private HttpServer server;
    private final List<Socket> held = new ArrayList<>();
    private ServerSocket blackhole;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ok", exchange -> {
            exchange.sendResponseHeaders(200, 2);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("{}".getBytes());
            }
        });
        server.createContext("/error", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.createContext("/big", exchange -> {
            // A CRL-sized body: the probe must not wait for it.
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 2_000; i++) {
                    out.write(chunk);
                }
            } catch (IOException e) {
                // the probe hung up: expected
            }
        });
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        // Accepts TCP connections and never says a word, like a firewall that drops replies.
        blackhole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!blackhole.isClosed()) {
                try {
                    held.add(blackhole.accept());
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.stop(0);
        blackhole.close();
        for (Socket socket : held) {
            socket.close();
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static ProbeResult probe(URI target) throws Exception {
        return new HttpProber(TIMEOUT).probe(target).get(5, TimeUnit.SECONDS);
    }

    @Test
    void anAnswerIsOkWithItsLatency() throws Exception {
        // A generous timeout: this test is about reading the answer, not about a loaded build machine.
        ProbeResult result = new HttpProber(Duration.ofSeconds(5)).probe(url("/ok")).get(10, TimeUnit.SECONDS);
        assertThat(result.ok()).isTrue();
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.latencyMillis()).isBetween(0L, 5_000L);
        assertThat(result.error()).isNull();
    }

    @Test
    void anHttpErrorIsAFailedAnswer() throws Exception {
        ProbeResult result = probe(url("/error"));
        assertThat(result.ok()).isFalse();
        assertThat(result.status()).isEqualTo(503);
    }

    @Test
    void aRefusedConnectionFailsAtOnce() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ProbeResult result = probe(URI.create("http://127.0.0.1:" + closedPort + "/x"));
        assertThat(result.ok()).isFalse();
        assertThat(result.status()).isZero();
        assertThat(result.error()).contains("ConnectException");
    }

    @Test
    void aBlackholeCostsOneTimeoutAndNoMore() throws Exception {
        long started = System.nanoTime();
        ProbeResult result = probe(URI.create("http://127.0.0.1:" + blackhole.getLocalPort() + "/x"));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(result.ok()).isFalse();
        assertThat(result.error()).containsIgnoringCase("timeout");
        assertThat(millis).isBetween(TIMEOUT.toMillis() - 50, TIMEOUT.toMillis() + 1_500);
    }

    @Test
    void aSlowServerIsCutAtTheTimeout() throws Exception {
        ProbeResult result = probe(url("/slow"));
        assertThat(result.ok()).isFalse();
        assertThat(result.latencyMillis()).isLessThan(1_600);
    }

    @Test
    void theBodyIsNeverDownloaded() throws Exception {
        long started = System.nanoTime();
        ProbeResult result = probe(url("/big"));
        assertThat(result.ok()).isTrue();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(2_000);
    }

    @Test
    void allAddressesAreAskedAtOnce() throws Exception {
        Duration timeout = Duration.ofMillis(1_500);
        List<URI> targets = List.of(url("/ok"), URI.create("http://127.0.0.1:" + blackhole.getLocalPort() + "/a"),
                URI.create("http://127.0.0.1:" + blackhole.getLocalPort() + "/b"), url("/error"));
        long started = System.nanoTime();
        List<ProbeResult> results = new HttpProber(timeout).probeAll(targets).get(10, TimeUnit.SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(results).extracting(ProbeResult::target).containsExactly(targets.stream().map(URI::toString).toArray(String[]::new));
        assertThat(results).extracting(ProbeResult::ok).containsExactly(true, false, false, false);
        assertThat(millis).as("two blackholed addresses cost one timeout, not two").isLessThan(2 * timeout.toMillis() - 300);
        assertThat(RoundOutcome.classify(results, 600)).isEqualTo(RoundOutcome.PARTIAL);
    }
}
