package fr.relais.cps.revocation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Where CRLs come from: configured HTTP URLs (the IGC-Santé servers by default) and a local drop
 * folder for sites without internet. Downloads are bounded in time and size; they run in background
 * jobs only.
 */
public final class CrlSources {

    /** The national card CRL is tens of megabytes at most; anything larger is refused, not buffered. */
    public static final long MAX_CRL_BYTES = 256L * 1024 * 1024;
    /** A CRL of tens of megabytes on a slow site link still arrives; a trickling server is cut off. */
    static final Duration MAX_TRANSFER = Duration.ofMinutes(10);

    /** IGC-Santé production CRLs of the authorities that issue card certificates, and of their roots. */
    public static final List<String> IGC_SANTE_URLS = List.of(
            "http://igc-sante.esante.gouv.fr/CRL/ACI-FO-PP.crl",
            "http://igc-sante.esante.gouv.fr/CRL/ACI-ST-PP.crl",
            "http://igc-sante.esante.gouv.fr/CRL/ACI-EL-PP.crl",
            // The roots' lists of revoked authorities (ARLs): a revoked intermediate refuses its cards.
            "http://igc-sante.esante.gouv.fr/CRL/ACR-FO.crl",
            "http://igc-sante.esante.gouv.fr/CRL/ACR-ST.crl",
            "http://igc-sante.esante.gouv.fr/CRL/ACR-EL.crl");

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

    /**
     * What lets a source answer "not changed since": the HTTP validators of the last download ({@code ETag},
     * {@code Last-Modified}), or a dropped file's size and modification time. A national CRL is tens of
     * megabytes; downloading and verifying it again at every refresh only to find it unchanged would cost
     * the servers' bandwidth and this node's CPU, next to the logins.
     */
    public record Version(String etag, String lastModified) {
    }

    /** One fetched CRL ({@code der}), or a source unchanged since the version given, or why it could not be fetched. */
    public record Fetched(String source, byte[] der, String error, Version version) {
        public boolean ok() {
            return der != null;
        }

        public boolean unchanged() {
            return der == null && error == null;
        }

        static Fetched failed(String source, String error) {
            return new Fetched(source, null, error, null);
        }
    }

    /** @param known per source, the version of what the caller last fetched from it and kept */
    public List<Fetched> fetchAll(Map<String, Version> known) {
        List<Fetched> results = new ArrayList<>();
        for (String url : urls) {
            results.add(download(url, known.get(url)));
        }
        if (dropFolder != null && Files.isDirectory(dropFolder)) {
            try (Stream<Path> files = Files.list(dropFolder)) {
                for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".crl")).sorted()::iterator) {
                    results.add(read(file, known.get(file.toString())));
                }
            } catch (IOException e) {
                results.add(Fetched.failed(dropFolder.toString(), "cannot list folder: " + e.getMessage()));
            }
        }
        return results;
    }

    private Fetched download(String url, Version known) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET();
            if (known != null && known.etag() != null) {
                request.header("If-None-Match", known.etag());
            }
            if (known != null && known.lastModified() != null) {
                request.header("If-Modified-Since", known.lastModified());
            }
            // The request timeout only bounds the wait for the headers. The body must keep coming too (no
            // silence longer than the timeout) and be done within MAX_TRANSFER: a server stalling or trickling
            // mid-body must not hold the timer thread, which Keycloak shares between all scheduled tasks.
            AtomicReference<BoundedBody> body = new AtomicReference<>();
            CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request.build(), info -> {
                if (info.statusCode() != 200) {
                    return BodySubscribers.replacing(null);
                }
                body.set(new BoundedBody(MAX_CRL_BYTES));
                return body.get();
            });
            long deadline = System.nanoTime() + MAX_TRANSFER.toNanos();
            HttpResponse<byte[]> response = null;
            while (response == null) {
                try {
                    response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    BoundedBody receiving = body.get();
                    boolean stalled = receiving == null || receiving.silence().compareTo(timeout) >= 0;
                    if (stalled || System.nanoTime() > deadline) {
                        exchange.cancel(true);
                        return Fetched.failed(url, stalled ? "nothing received for " + timeout.toMillis() + " ms"
                                : "not complete within " + MAX_TRANSFER.toMinutes() + " min");
                    }
                } catch (ExecutionException e) {
                    return Fetched.failed(url, e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage());
                }
            }
            if (response.statusCode() == 304 && known != null) {
                return new Fetched(url, null, null, known);
            }
            if (response.statusCode() != 200) {
                return Fetched.failed(url, "HTTP " + response.statusCode());
            }
            Version version = new Version(response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
            return new Fetched(url, response.body(), null,
                    version.etag() == null && version.lastModified() == null ? null : version);
        } catch (IllegalArgumentException e) {
            return Fetched.failed(url, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Fetched.failed(url, "interrupted");
        }
    }

    private static Fetched read(Path file, Version known) {
        try {
            // Looked at before reading: a file replaced while being read shows another version next time.
            Version version = new Version(fileVersion(file), null);
            if (version.equals(known)) {
                return new Fetched(file.toString(), null, null, known);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return new Fetched(file.toString(), bounded(in), null, version);
            }
        } catch (IOException e) {
            return Fetched.failed(file.toString(), e.getMessage());
        }
    }

    /**
     * Size, modification and change times and the file's identity: a re-issued CRL often has the same size,
     * and copies that keep the modification time ({@code cp -p}, {@code rsync -a}, archives) still get a new
     * change time or a new inode.
     */
    private static String fileVersion(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        StringBuilder version = new StringBuilder().append(attributes.size()).append('/')
                .append(attributes.lastModifiedTime().toMillis()).append('/').append(attributes.fileKey());
        try {
            version.append('/').append(Files.getAttribute(file, "unix:ctime"));
        } catch (UnsupportedOperationException | IllegalArgumentException notUnix) {
            // Size, time and file key are all this file system tells.
        }
        return version.toString();
    }

    private static byte[] bounded(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_CRL_BYTES + 1));
        if (bytes.length > MAX_CRL_BYTES) {
            throw new IOException("larger than " + MAX_CRL_BYTES + " bytes");
        }
        return bytes;
    }
}
