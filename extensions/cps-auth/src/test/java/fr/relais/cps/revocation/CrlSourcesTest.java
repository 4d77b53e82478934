package fr.relais.cps.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sources answer "unchanged" only when they can prove it; anything else is fetched whole. */
class CrlSourcesTest {

    private static final byte[] CRL = {0x30, 0x03, 0x02, 0x01, 0x01};
    private static final String ETAG = "\"crl-42\"";
    private static final String LAST_MODIFIED = "Sun, 29 Nov 2026 04:30:00 GMT";

    @TempDir
    Path drop;
    private HttpServer server;
    private final List<String> conditions = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void anHttpSourceWithAnEtagIsAskedConditionallyAndA304IsUnchanged() throws Exception {
        String url = start(Validator.ETAG);
        CrlSources sources = new CrlSources(List.of(url), null, Duration.ofSeconds(5));

        CrlSources.Fetched first = only(sources.fetchAll(Map.of()));
        assertThat(first.ok()).isTrue();
        assertThat(first.der()).isEqualTo(CRL);
        assertThat(first.version().etag()).isEqualTo(ETAG);

        CrlSources.Fetched second = only(sources.fetchAll(Map.of(url, first.version())));
        assertThat(second.unchanged()).isTrue();
        assertThat(second.ok()).isFalse();
        assertThat(conditions).containsExactly("none", ETAG);
    }

    @Test
    void anHttpSourceWithOnlyLastModifiedIsAskedIfModifiedSince() throws Exception {
        String url = start(Validator.LAST_MODIFIED);
        CrlSources sources = new CrlSources(List.of(url), null, Duration.ofSeconds(5));

        CrlSources.Fetched first = only(sources.fetchAll(Map.of()));
        assertThat(first.version().lastModified()).isEqualTo(LAST_MODIFIED);
        assertThat(first.version().etag()).isNull();
        assertThat(only(sources.fetchAll(Map.of(url, first.version()))).unchanged()).isTrue();
        assertThat(conditions).containsExactly("none", "since " + LAST_MODIFIED);
    }

    @Test
    void anHttpSourceWithoutValidatorsIsFetchedWholeEachTime() throws Exception {
        String url = start(Validator.NONE);
        CrlSources sources = new CrlSources(List.of(url), null, Duration.ofSeconds(5));

        CrlSources.Fetched first = only(sources.fetchAll(Map.of()));
        assertThat(first.version()).isNull();
        CrlSources.Fetched second = only(sources.fetchAll(new HashMap<>()));
        assertThat(second.ok()).isTrue();
        assertThat(second.der()).isEqualTo(CRL);
    }

    @Test
    void aDroppedFileIsReadAgainOnlyWhenReplaced() throws Exception {
        Path file = Files.write(drop.resolve("ACI-FO-PP.crl"), CRL);
        CrlSources sources = new CrlSources(List.of(), drop, Duration.ofSeconds(5));

        CrlSources.Fetched first = only(sources.fetchAll(Map.of()));
        assertThat(first.ok()).isTrue();
        assertThat(only(sources.fetchAll(Map.of(file.toString(), first.version()))).unchanged()).isTrue();

        // Same size, newer time: a replaced file.
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60)));
        CrlSources.Fetched replaced = only(sources.fetchAll(Map.of(file.toString(), first.version())));
        assertThat(replaced.ok()).isTrue();
        assertThat(replaced.version()).isNotEqualTo(first.version());

        // Copied over with the same size and modification time (cp -p, rsync -a): still read again.
        FileTime kept = Files.getLastModifiedTime(file);
        Thread.sleep(10);
        Files.delete(file);
        Files.write(file, CRL);
        Files.setLastModifiedTime(file, kept);
        assertThat(only(sources.fetchAll(Map.of(file.toString(), replaced.version()))).ok()).isTrue();
    }

    @Test
    void aSourceThatFailsIsNeitherFetchedNorUnchanged() throws Exception {
        String url = start(Validator.ETAG);
        server.stop(0);
        server = null;
        CrlSources.Fetched failed = only(new CrlSources(List.of(url), null, Duration.ofSeconds(2))
                .fetchAll(Map.of(url, new CrlSources.Version(ETAG, null))));
        assertThat(failed.ok()).isFalse();
        assertThat(failed.unchanged()).isFalse();
        assertThat(failed.error()).isNotBlank();
    }

    @Test
    void aDownloadStallingMidBodyFailsWithinTheTimeout() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/stall.crl", exchange -> {
            exchange.sendResponseHeaders(200, 1_000_000);
            exchange.getResponseBody().write(new byte[100]);
            exchange.getResponseBody().flush();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/stall.crl";
        CrlSources.Fetched failed = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> only(new CrlSources(List.of(url), null, Duration.ofSeconds(1)).fetchAll(Map.of())));
        assertThat(failed.ok()).isFalse();
        assertThat(failed.error()).isNotBlank();
    }

    /** How the test CRL server lets clients ask "changed since?": by ETag, by Last-Modified, or not at all. */
    private enum Validator { ETAG, LAST_MODIFIED, NONE }

    /** A CRL server answering 304 to the condition matching its {@code validator}; returns the CRL's URL. */
    private String start(Validator validator) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/crl/ACI-FO-PP.crl", exchange -> {
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
            conditions.add(ifNoneMatch != null ? ifNoneMatch : ifModifiedSince != null ? "since " + ifModifiedSince : "none");
            boolean unchanged = validator == Validator.ETAG ? ETAG.equals(ifNoneMatch)
                    : validator == Validator.LAST_MODIFIED && LAST_MODIFIED.equals(ifModifiedSince);
            if (unchanged) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                if (validator == Validator.ETAG) {
                    exchange.getResponseHeaders().add("ETag", ETAG);
                } else if (validator == Validator.LAST_MODIFIED) {
                    exchange.getResponseHeaders().add("Last-Modified", LAST_MODIFIED);
                }
                exchange.sendResponseHeaders(200, CRL.length);
                exchange.getResponseBody().write(CRL);
            }
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/crl/ACI-FO-PP.crl";
    }

    private static CrlSources.Fetched only(List<CrlSources.Fetched> fetched) {
        assertThat(fetched).hasSize(1);
        return fetched.get(0);
    }
}
