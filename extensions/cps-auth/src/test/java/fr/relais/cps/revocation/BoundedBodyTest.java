package fr.relais.cps.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class BoundedBodyTest {

    @Test
    void aBodyWithinTheCapIsCollected() {
        BoundedBody body = new BoundedBody(5);
        body.onSubscribe(subscription(new AtomicBoolean()));
        body.onNext(List.of(ByteBuffer.wrap(new byte[] {1, 2}), ByteBuffer.wrap(new byte[] {3})));
        body.onComplete();
        assertThat(body.getBody().toCompletableFuture().join()).containsExactly(1, 2, 3);
    }

    @Test
    void aBodyPastTheCapStopsTheTransferAndFails() {
        AtomicBoolean cancelled = new AtomicBoolean();
        BoundedBody body = new BoundedBody(5);
        body.onSubscribe(subscription(cancelled));
        body.onNext(List.of(ByteBuffer.wrap(new byte[6])));
        body.onComplete();
        assertThat(cancelled).isTrue();
        assertThatThrownBy(() -> body.getBody().toCompletableFuture().join()).hasCauseInstanceOf(IOException.class);
    }

    private static Flow.Subscription subscription(AtomicBoolean cancelled) {
        return new Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
                cancelled.set(true);
            }
        };
    }
}
