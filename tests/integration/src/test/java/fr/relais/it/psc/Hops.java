package fr.relais.it.psc;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;

/**
 * A cookie-keeping browser stand-in for brokered logins: follows redirects itself, across Keycloak and
 * the PSC simulator, stops at the relying party's URL (where nothing listens), and remembers every hop
 * so tests can look at the PSC requests.
 */
final class Hops {

    private final HttpClient client;
    private final List<URI> visited = new ArrayList<>();

    Hops(SSLContext tls) {
        this.client = HttpClient.newBuilder()
                .sslContext(tls)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** GET and follow redirects until a page, or a redirect to {@code stopAt}, which is not fetched. */
    Result follow(String url, String stopAt) throws IOException, InterruptedException {
        URI current = URI.create(url);
        for (int i = 0; i < 20; i++) {
            visited.add(current);
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(current).header("Accept-Language", "fr")
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status / 100 != 3) {
                return new Result(response, null);
            }
            URI next = current.resolve(response.headers().firstValue("Location").orElseThrow());
            if (next.toString().startsWith(stopAt)) {
                return new Result(response, next.toString());
            }
            current = next;
        }
        throw new AssertionError("More than 20 redirects: " + visited);
    }

    HttpResponse<String> postForm(String url, Map<String, String> form, String basicUser, String basicPassword)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))));
        if (basicUser != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((basicUser + ":" + basicPassword).getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    List<URI> visited() {
        return visited;
    }

    static Map<String, String> queryOf(String location) {
        Map<String, String> values = new HashMap<>();
        String query = URI.create(location).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    /** The last response, and the relying-party URL it redirected to (null when it ended on a page). */
    record Result(HttpResponse<String> last, String landedAt) {
        boolean landed() {
            return landedAt != null;
        }
    }
}
