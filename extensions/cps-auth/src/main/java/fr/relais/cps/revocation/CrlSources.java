package fr.relais.cps.revocation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where CRLs come from: configured HTTP URLs (the IGC-Santé servers by default) and a local drop
 * folder for sites without internet. Downloads are bounded in time and size; they run in background
 * jobs only.
 */
public final class CrlSources {

    /** The national card CRL is tens of megabytes at most; anything larger is refused, not buffered. */
    public static final long MAX_CRL_BYTES = 256L * 1024 * 1024;

    /** IGC-Santé production CRLs of the authorities that issue card certificates. */
    public static final List<String> IGC_SANTE_URLS = List.of(
            "http://igc-sante.esante.gouv.fr/CRL/ACI-FO-PP.crl",
            "http://igc-sante.esante.gouv.fr/CRL/ACI-ST-PP.crl",
            "http://igc-sante.esante.gouv.fr/CRL/ACI-EL-PP.crl");

    private final List<String> urls;
    private final Path dropFolder;
    private final HttpClient http;
    private final Duration timeout;

    public CrlSources(List<String> urls, Path dropFolder, Duration timeout) {
        this.urls = List.copyOf(urls);
        this.dropFolder = dropFolder;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** One fetched CRL, or why it could not be fetched. */
    public record Fetched(String source, byte[] der, String error) {
        public boolean ok() {
            return der != null;
        }
    }

    public List<Fetched> fetchAll() {
        List<Fetched> results = new ArrayList<>();
        for (String url : urls) {
            results.add(download(url));
        }
        if (dropFolder != null && Files.isDirectory(dropFolder)) {
            try (Stream<Path> files = Files.list(dropFolder)) {
                for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".crl")).sorted()::iterator) {
                    results.add(read(file));
                }
            } catch (IOException e) {
                results.add(new Fetched(dropFolder.toString(), null, "cannot list folder: " + e.getMessage()));
            }
        }
        return results;
    }

    private Fetched download(String url) {
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    return new Fetched(url, null, "HTTP " + response.statusCode());
                }
                return new Fetched(url, bounded(body), null);
            }
        } catch (IOException | IllegalArgumentException e) {
            return new Fetched(url, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Fetched(url, null, "interrupted");
        }
    }

    private static Fetched read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new Fetched(file.toString(), bounded(in), null);
        } catch (IOException e) {
            return new Fetched(file.toString(), null, e.getMessage());
        }
    }

    private static byte[] bounded(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_CRL_BYTES + 1));
        if (bytes.length > MAX_CRL_BYTES) {
            throw new IOException("larger than " + MAX_CRL_BYTES + " bytes");
        }
        return bytes;
    }
}
