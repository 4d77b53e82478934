package fr.relais.cps.revocation;

import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body but gives up, and stops the transfer, once it grows past a size cap; notes
 * when data last arrived, so that the caller can tell a slow transfer from a stalled one.
 */
final class BoundedBody implements BodySubscriber<byte[]> {

    private final BodySubscriber<byte[]> bytes = BodySubscribers.ofByteArray();
    private final long max;
    private long received;
    private Flow.Subscription subscription;
    private boolean abandoned;
    private volatile long lastArrivalNanos = System.nanoTime();

    BoundedBody(long max) {
        this.max = max;
    }

    /** How long since the headers or the last bytes of the body arrived. */
    Duration silence() {
        return Duration.ofNanos(System.nanoTime() - lastArrivalNanos);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return bytes.getBody();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        bytes.onSubscribe(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        lastArrivalNanos = System.nanoTime();
        if (abandoned) {
            return;
        }
        received += items.stream().mapToLong(ByteBuffer::remaining).sum();
        if (received > max) {
            abandoned = true;
            subscription.cancel();
            bytes.onError(new IOException("larger than " + max + " bytes"));
            return;
        }
        bytes.onNext(items);
    }

    @Override
    public void onError(Throwable error) {
        if (!abandoned) {
            bytes.onError(error);
        }
    }

    @Override
    public void onComplete() {
        if (!abandoned) {
            bytes.onComplete();
        }
    }
}
