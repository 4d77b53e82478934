package fr.relais.cps.revocation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * Asks an OCSP responder about a card certificate whose chain is already verified, within a hard
 * deadline: connection, request, response and its body all fit in the given timeout, after which the
 * exchange is abandoned. Never throws: whatever goes wrong is a {@link OcspAnswer.Failed}.
 */
public final class OcspClient {

    /** However a realm is configured, a login never waits longer than this for OCSP. */
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(5);
    /** A response about one certificate, with a responder certificate or two, is a few kilobytes. */
    public static final int MAX_RESPONSE_BYTES = 64 * 1024;

    private final HttpClient http;
    private final OcspResponseVerifier verifier = new OcspResponseVerifier();

    public OcspClient() {
        // HTTP/1.1, as OCSP responders speak (no h2c upgrade attempt); no redirects: the responder is the
        // one the CA or the operator named.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(MAX_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * @param card      a card certificate whose chain to {@code issuer} is verified
     * @param responder the configured responder, or null for the card's own AIA OCSP URL
     * @param timeout   capped at {@link #MAX_TIMEOUT}
     */
    public OcspAnswer check(X509Certificate card, X509Certificate issuer, URI responder, Duration timeout) {
        URI url = responder != null ? responder : responderUrl(card);
        if (url == null) {
            return new OcspAnswer.Failed(OcspFailure.NO_RESPONDER_URL, "no OCSP URL in the certificate and none configured");
        }
        Duration deadline = timeout.compareTo(MAX_TIMEOUT) > 0 ? MAX_TIMEOUT : timeout;
        OcspRequest request = OcspRequest.of(card, issuer);
        byte[] body;
        try {
            body = post(url, request.der(), deadline);
        } catch (Unanswered e) {
            return e.answer;
        }
        return verifier.verify(body, request, issuer, Instant.now());
    }

    private byte[] post(URI url, byte[] der, Duration deadline) throws Unanswered {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(url).timeout(deadline)
                    .header("Content-Type", "application/ocsp-request").header("Accept", "application/ocsp-response")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(der)).build();
        } catch (IllegalArgumentException e) {
            throw new Unanswered(OcspFailure.MISCONFIGURED, "unusable responder URL " + url + ": " + e.getMessage());
        }
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request,
                info -> info.statusCode() == 200 ? new CappedBody(MAX_RESPONSE_BYTES)
                        : HttpResponse.BodySubscribers.replacing(null));
        try {
            HttpResponse<byte[]> response = exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                throw new Unanswered(OcspFailure.HTTP_STATUS, url + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new Unanswered(OcspFailure.TIMEOUT, url + " did not answer within " + deadline.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TooLarge) {
                throw new Unanswered(OcspFailure.TOO_LARGE, url + " sent more than " + MAX_RESPONSE_BYTES + " bytes");
            }
            if (cause instanceof HttpTimeoutException) {
                throw new Unanswered(OcspFailure.TIMEOUT, url + " did not answer within " + deadline.toMillis() + " ms");
            }
            throw new Unanswered(OcspFailure.NETWORK, url + ": " + cause);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new Unanswered(OcspFailure.NETWORK, "interrupted");
        }
    }

    /** The first http(s) OCSP URL of the certificate's authority information access; null if none. */
    static URI responderUrl(X509Certificate certificate) {
        byte[] wrapped = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (wrapped == null) {
            return null;
        }
        try {
            AuthorityInformationAccess access = AuthorityInformationAccess.getInstance(
                    ASN1OctetString.getInstance(wrapped).getOctets());
            for (AccessDescription description : access.getAccessDescriptions()) {
                GeneralName location = description.getAccessLocation();
                if (AccessDescription.id_ad_ocsp.equals(description.getAccessMethod())
                        && location.getTagNo() == GeneralName.uniformResourceIdentifier) {
                    URI uri = URI.create(location.getName().toString());
                    if ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) {
                        return uri;
                    }
                }
            }
        } catch (RuntimeException malformed) {
            return null;
        }
        return null;
    }

    private static final class Unanswered extends Exception {
        private final OcspAnswer.Failed answer;

        Unanswered(OcspFailure failure, String detail) {
            super(detail, null, false, false);
            this.answer = new OcspAnswer.Failed(failure, detail);
        }
    }

    private static final class TooLarge extends IOException {
        TooLarge() {
            super("response too large", null);
        }
    }

    /** Collects a body up to a size, and gives up on the exchange as soon as it grows past it. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
