package fr.relais.cps.revocation;

import static org.assertj.core.api.Assertions.assertThat;

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
        String url = serve(true);
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
    void anHttpSourceWithoutValidatorsIsFetchedWholeEachTime() throws Exception {
        String url = serve(false);
        CrlSources sources = new CrlSources(List.of(url), null, Duration.ofSeconds(5));

        CrlSources.Fetched first = only(sources.fetchAll(Map.of()));
        assertThat(first.version()).isNull();
        CrlSources.Fetched second = only(sources.fetchAll(new HashMap<>()));
        assertThat(second.ok()).isTrue();
        assertThat(second.der()).isEqualTo(CRL);
    }

    @Test
    void aDroppedFileIsReadAgainOnlyWhenItsSizeOrTimeChanged() throws Exception {
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
    }

    @Test
    void aSourceThatFailsIsNeitherFetchedNorUnchanged() throws Exception {
        String url = serve(true);
        server.stop(0);
        server = null;
        CrlSources.Fetched failed = only(new CrlSources(List.of(url), null, Duration.ofSeconds(2))
                .fetchAll(Map.of(url, new CrlSources.Version(ETAG, null))));
        assertThat(failed.ok()).isFalse();
        assertThat(failed.unchanged()).isFalse();
        assertThat(failed.error()).isNotBlank();
    }

    /** A CRL server answering 304 to a matching If-None-Match when {@code withEtag}; returns the CRL's URL. */
    private String serve(boolean withEtag) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/crl/ACI-FO-PP.crl", exchange -> {
            String condition = exchange.getRequestHeaders().getFirst("If-None-Match");
            conditions.add(condition == null ? "none" : condition);
            if (withEtag && ETAG.equals(condition)) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                if (withEtag) {
                    exchange.getResponseHeaders().add("ETag", ETAG);
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
