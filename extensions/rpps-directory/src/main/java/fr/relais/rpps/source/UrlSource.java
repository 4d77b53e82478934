package fr.relais.rpps.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.client.utils.DateUtils;
import org.apache.http.impl.client.CloseableHttpClient;

/**
 * Downloads the extraction from a URL: the ANS extraction service
 * ({@code …/extraction/PS_LibreAcces}, a zip named by Content-Disposition) or its data.gouv.fr mirror
 * (a text file behind a redirect). The request is conditional on the last imported version, and a server
 * that ignores the condition is caught by comparing what it announces before the body is read. The body
 * goes straight to a file in the work folder: nothing of it is held in memory.
 */
public final class UrlSource implements ExtractionSource {

    private static final Pattern FILENAME_STAR = Pattern.compile("filename\\*\\s*=\\s*[^']*'[^']*'([^;]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FILENAME = Pattern.compile("filename\\s*=\\s*\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final byte[] ZIP_MAGIC = {'P', 'K'};

    private final URI uri;
    private final CloseableHttpClient client;
    private final Path workFolder;

    public UrlSource(URI uri, CloseableHttpClient client, Path workFolder) {
        this.uri = uri;
        this.client = client;
        this.workFolder = workFolder;
    }

    @Override
    public String description() {
        return uri.toString();
    }

    @Override
    public Optional<FetchedExtraction> fetch(Optional<String> lastImported) throws IOException {
        SourceVersion last = lastImported.map(SourceVersion::decode).orElse(null);
        HttpGet get = new HttpGet(uri);
        if (last != null && last.etag() != null) {
            get.setHeader("If-None-Match", last.etag());
        }
        if (last != null && last.lastModified() != null) {
            get.setHeader("If-Modified-Since", last.lastModified());
        }
        HttpClientContext context = HttpClientContext.create();
        try (CloseableHttpResponse response = client.execute(get, context)) {
            int status = response.getStatusLine().getStatusCode();
            if (status == 304) {
                return Optional.empty();
            }
            if (status != 200) {
                throw new IOException("HTTP " + status + " " + response.getStatusLine().getReasonPhrase() + " for " + uri);
            }
            SourceVersion current = new SourceVersion(header(response, "ETag"), header(response, "Last-Modified"),
                    fileName(response, context));
            if (last != null && current.sameFileAs(last)) {
                get.abort();  // the server ignored the conditional request: do not read a body we already have
                return Optional.empty();
            }
            Path file = download(response.getEntity(), current.fileName());
            return Optional.of(new FetchedExtraction(List.of(file), current.encode(), modifiedAt(current), true));
        }
    }

    private Path download(HttpEntity entity, String announcedName) throws IOException {
        if (entity == null) {
            throw new IOException("empty response from " + uri);
        }
        Files.createDirectories(workFolder);
        Path part = workFolder.resolve("download.part");
        try (InputStream body = entity.getContent()) {
            Files.copy(body, part, StandardCopyOption.REPLACE_EXISTING);
        }
        Path file = workFolder.resolve(recognisableName(announcedName, isZip(part)));
        return Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * The reader recognises files by name; a mirror serving a bare identifier gets the name of what it
     * serves, told apart by the zip signature.
     */
    static String recognisableName(String announced, boolean zip) {
        String safe = announced == null ? "" : announced.replaceAll("[^A-Za-z0-9._-]", "_");
        String squashed = safe.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (zip) {
            return squashed.contains("libreacces") && safe.toLowerCase(Locale.ROOT).endsWith(".zip") ? safe
                    : "PS_LibreAcces_download.zip";
        }
        if (squashed.contains("personneactivite") || squashed.contains("savoirfaire")) {
            return safe.toLowerCase(Locale.ROOT).endsWith(".txt") ? safe : safe + ".txt";
        }
        return "PS_LibreAcces_Personne_activite_download.txt";
    }

    private String fileName(CloseableHttpResponse response, HttpClientContext context) {
        String disposition = header(response, "Content-Disposition");
        if (disposition != null) {
            Matcher star = FILENAME_STAR.matcher(disposition);
            if (star.find()) {
                return URLDecoder.decode(star.group(1).trim(), StandardCharsets.UTF_8);
            }
            Matcher plain = FILENAME.matcher(disposition);
            if (plain.find()) {
                return plain.group(1).trim();
            }
        }
        List<URI> redirects = context.getRedirectLocations();
        URI finalUri = redirects == null || redirects.isEmpty() ? uri : redirects.get(redirects.size() - 1);
        String path = finalUri.getPath();
        return path == null || path.isEmpty() ? null : path.substring(path.lastIndexOf('/') + 1);
    }

    private static Long modifiedAt(SourceVersion version) {
        if (version.lastModified() == null) {
            return null;
        }
        Date date = DateUtils.parseDate(version.lastModified());
        return date == null ? null : date.getTime();
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(2), ZIP_MAGIC);
        }
    }

    private static String header(CloseableHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }
}
