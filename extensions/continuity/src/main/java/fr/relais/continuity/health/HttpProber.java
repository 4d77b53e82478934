package fr.relais.continuity.health;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Asks each address one short question: a GET whose status line is awaited for at most the timeout,
 * and whose body is never read (a CRL can weigh tens of megabytes). All addresses are asked at once,
 * so a round lasts one timeout at most, and nothing blocks the calling thread.
 */
public final class HttpProber {

    private static final String USER_AGENT = "Relais-upstream-probe";

    private final HttpClient http;
    private final Duration timeout;

    public HttpProber(Duration timeout) {
        this.timeout = timeout;
        // HTTP/1.1: an h2c upgrade attempt on plain http would be one more thing that can go wrong.
        // No redirects: a probe measures the address the configuration names.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Duration timeout() {
        return timeout;
    }

    public CompletableFuture<List<ProbeResult>> probeAll(List<URI> targets) {
        List<CompletableFuture<ProbeResult>> probes = new ArrayList<>();
        for (URI target : targets) {
            probes.add(probe(target));
        }
        return CompletableFuture.allOf(probes.toArray(CompletableFuture[]::new))
                .thenApply(done -> probes.stream().map(CompletableFuture::join).toList());
    }

    public CompletableFuture<ProbeResult> probe(URI target) {
        long started = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("User-Agent", USER_AGENT)
                .header("Accept", "*/*")
                .GET()
                .build();
        ProbeResult givenUp = ProbeResult.unanswered(target.toString(), timeout.toMillis(), "no answer within " + timeout.toMillis() + " ms");
        CompletableFuture<ProbeResult> probe;
        try {
            probe = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                    .handle((response, failure) -> {
                        long millis = elapsedMillis(started);
                        if (failure != null) {
                            return ProbeResult.unanswered(target.toString(), millis, describe(failure));
                        }
                        discard(response.body());
                        return ProbeResult.answered(target.toString(), response.statusCode(), millis);
                    });
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(ProbeResult.unanswered(target.toString(), 0, describe(e)));
        }
        // The client's own timeout covers connect and response headers; this one is a last resort so
        // that a round always ends, whatever the network does.
        return probe.completeOnTimeout(givenUp, timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
    }

    /** Closing before the end drops the connection instead of downloading the body. */
    private static void discard(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // the status is what was asked for; a close failure changes nothing
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
