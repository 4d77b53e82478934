package fr.relais.rpps.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

class UrlSourceTest {

    @TempDir
    Path work;

    private HttpServer server;
    private CloseableHttpClient client;
    private final List<String> conditionalHeaders = new ArrayList<>();
    private volatile String etag = "\"v1\"";
    private volatile boolean honourConditions = true;
    private volatile int bodyReads;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // The ANS service: a zip named by Content-Disposition, with an ETag.
        server.createContext("/extraction/PS_LibreAcces", exchange -> {
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            conditionalHeaders.add(ifNoneMatch);
            if (honourConditions && etag.equals(ifNoneMatch)) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("ETag", etag);
            exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"PS_LibreAcces_202611280000.zip\"");
            send(exchange, new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        });
        // The data.gouv.fr mirror: a redirect to a text file with a bare name.
        server.createContext("/api/1/datasets/r/fffda7e9", exchange -> {
            exchange.getResponseHeaders().add("Location", "/files/ps-libreacces-personne-activite.txt");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/files/ps-libreacces-personne-activite.txt", exchange -> {
            exchange.getResponseHeaders().add("Last-Modified", "Sat, 28 Nov 2026 03:00:00 GMT");
            send(exchange, "Type d'identifiant PP|...|\n".getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/missing", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        client = HttpClients.createDefault();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.stop(0);
    }

    @Test
    void downloadsUnderTheAnnouncedNameThenAsksConditionally() throws Exception {
        UrlSource source = source("/extraction/PS_LibreAcces");

        FetchedExtraction first = source.fetch(Optional.empty()).orElseThrow();

        assertThat(first.files()).singleElement().satisfies(file -> {
            assertThat(file.getFileName().toString()).isEqualTo("PS_LibreAcces_202611280000.zip");
            assertThat(Files.readAllBytes(file)).startsWith('P', 'K');
        });
        assertThat(first.temporary()).isTrue();
        assertThat(source.fetch(Optional.of(first.version()))).isEmpty();
        assertThat(conditionalHeaders).containsExactly(null, "\"v1\"");

        etag = "\"v2\"";
        assertThat(source.fetch(Optional.of(first.version()))).isPresent();
        first.discard();
        assertThat(first.files().get(0)).doesNotExist();
    }

    @Test
    void recognisesAnUnchangedFileWhenTheServerIgnoresTheCondition() throws Exception {
        honourConditions = false;
        UrlSource source = source("/extraction/PS_LibreAcces");
        String version = source.fetch(Optional.empty()).orElseThrow().version();
        int reads = bodyReads;

        assertThat(source.fetch(Optional.of(version))).isEmpty();
        assertThat(bodyReads).isEqualTo(reads + 1);  // the server sent it, but it was not stored
    }

    @Test
    void followsTheMirrorsRedirectAndNamesTheFileAfterIt() throws Exception {
        FetchedExtraction fetched = source("/api/1/datasets/r/fffda7e9").fetch(Optional.empty()).orElseThrow();

        assertThat(fetched.files().get(0).getFileName().toString()).isEqualTo("ps-libreacces-personne-activite.txt");
        assertThat(fetched.modifiedAt()).isEqualTo(Instant.parse("2026-11-28T03:00:00Z").toEpochMilli());
        assertThat(SourceVersion.decode(fetched.version()).lastModified()).isEqualTo("Sat, 28 Nov 2026 03:00:00 GMT");
    }

    @Test
    void anHttpErrorIsAnIoError() {
        assertThatThrownBy(() -> source("/missing").fetch(Optional.empty())).isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP 404");
    }

    @Test
    void namesAFileTheReaderCanRecognise() {
        assertThat(UrlSource.recognisableName("fffda7e9", false)).isEqualTo("PS_LibreAcces_Personne_activite_download.txt");
        assertThat(UrlSource.recognisableName(null, true)).isEqualTo("PS_LibreAcces_download.zip");
        assertThat(UrlSource.recognisableName("../PS_LibreAcces_202611280000.zip", true))
                .isEqualTo(".._PS_LibreAcces_202611280000.zip");
    }

    private UrlSource source(String path) {
        return new UrlSource(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path), client, work);
    }

    private void send(HttpExchange exchange, byte[] body) throws IOException {
        bodyReads++;
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
