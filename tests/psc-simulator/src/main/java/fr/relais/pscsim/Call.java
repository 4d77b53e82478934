package fr.relais.pscsim;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;
import javax.net.ssl.SSLPeerUnverifiedException;

/** One HTTP exchange with its parameters decoded, and the ways the simulator answers. */
final class Call {

    /** Real form posts to an OpenID provider are tiny; the cap keeps a misbehaving client from eating memory. */
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private final HttpExchange exchange;
    private final String listener;
    private final Endpoint endpoint;
    private final Map<String, List<String>> query;
    private final Map<String, List<String>> form;
    private final byte[] body;
    private final X509Certificate clientCertificate;

    private Call(HttpExchange exchange, String listener, Endpoint endpoint, Map<String, List<String>> query,
            Map<String, List<String>> form, byte[] body, X509Certificate clientCertificate) {
        this.exchange = exchange;
        this.listener = listener;
        this.endpoint = endpoint;
        this.query = query;
        this.form = form;
        this.body = body;
        this.clientCertificate = clientCertificate;
    }

    static Call read(HttpExchange exchange, String listener, Endpoint endpoint) throws IOException {
        Map<String, List<String>> query = Urls.unmodifiable(Urls.parseQuery(exchange.getRequestURI().getRawQuery()));
        byte[] body = readBody(exchange.getRequestBody());
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        Map<String, List<String>> form = Map.of();
        if (contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            form = Urls.unmodifiable(Urls.parseQuery(new String(body, StandardCharsets.UTF_8)));
        }
        return new Call(exchange, listener, endpoint, query, form, body, peerCertificate(exchange));
    }

    HttpExchange exchange() {
        return exchange;
    }

    Endpoint endpoint() {
        return endpoint;
    }

    String method() {
        return exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    }

    boolean isPost() {
        return method().equals("POST");
    }

    String path() {
        return exchange.getRequestURI().getPath();
    }

    byte[] body() {
        return body;
    }

    /** For GET the query, for POST the form then the query (RFC 6749 endpoints take both). */
    String param(String name) {
        if (isPost()) {
            String value = first(form, name);
            if (value != null) {
                return value;
            }
        }
        return first(query, name);
    }

    String formParam(String name) {
        return first(form, name);
    }

    String queryParam(String name) {
        return first(query, name);
    }

    Map<String, List<String>> query() {
        return query;
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** The TLS client certificate, or null (plain HTTP, or no certificate sent). */
    X509Certificate clientCertificate() {
        return clientCertificate;
    }

    /** The value of one cookie, or null. */
    String cookie(String name) {
        List<String> headers = exchange.getRequestHeaders().get("Cookie");
        if (headers == null) {
            return null;
        }
        for (String header : headers) {
            for (String part : header.split(";")) {
                String trimmed = part.trim();
                if (trimmed.startsWith(name + "=")) {
                    return trimmed.substring(name.length() + 1);
                }
            }
        }
        return null;
    }

    RecordedRequest record(long sequence, Instant time) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            headers.put(header.getKey().toLowerCase(Locale.ROOT), List.copyOf(header.getValue()));
        }
        return new RecordedRequest(sequence, time, listener, endpoint, method(), path(), query, form,
                Map.copyOf(headers),
                clientCertificate == null ? null : clientCertificate.getSubjectX500Principal().getName());
    }

    // ---- answers ----

    void setHeader(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
    }

    void addHeader(String name, String value) {
        exchange.getResponseHeaders().add(name, value);
    }

    void sendJson(int status, Object body) throws IOException {
        sendBytes(status, "application/json", Json.bytes(body));
    }

    void sendHtml(int status, String html) throws IOException {
        setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action *");
        sendBytes(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    void sendText(int status, String text) throws IOException {
        sendBytes(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    void sendBytes(int status, String contentType, byte[] bytes) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", contentType);
        headers.set("Cache-Control", "no-store");
        if (method().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    void redirect(String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    /** An RFC 6749 §5.2 error body. */
    void oauthError(int status, String error, String description) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        if (description != null) {
            body.put("error_description", description);
        }
        sendJson(status, body);
    }

    /** Drops the connection without an answer. */
    void abort() {
        exchange.close();
    }

    private static String first(Map<String, List<String>> map, String name) {
        List<String> values = map.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static byte[] readBody(InputStream in) throws IOException {
        try (in) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new IOException("Request body over " + MAX_BODY_BYTES + " bytes");
            }
            return bytes;
        }
    }

    private static X509Certificate peerCertificate(HttpExchange exchange) {
        if (!(exchange instanceof HttpsExchange)) {
            return null;
        }
        try {
            Certificate[] chain = ((HttpsExchange) exchange).getSSLSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate ? (X509Certificate) chain[0] : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }
}
