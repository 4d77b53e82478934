package fr.relais.pscsim;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A fault the simulator applies until it is replaced (or until {@link #duration()} has passed). Immutable; start
 * from a factory method and narrow with {@link #onlyOn(Endpoint...)}.
 *
 * <p>Modes:
 * <ul>
 *   <li>{@code refuse}: the listening socket of every listener serving a targeted endpoint is closed, so new
 *       connections are refused (ConnectException) and open keep-alive connections are dropped; it is bound again
 *       on recovery. A port cannot refuse per path, so targeting the token endpoint also refuses JWKS, discovery...
 *       on the same port.</li>
 *   <li>{@code blackhole}: with no endpoint filter, the listening sockets are replaced by raw sockets that accept
 *       TCP connections and never send a byte (not even the TLS handshake); with a filter, the request of a
 *       targeted endpoint is read and never answered. Held connections are closed on recovery.</li>
 *   <li>{@code slow}: targeted requests are answered normally after {@link #delay()}.</li>
 *   <li>{@code http500}: targeted requests get {@link #status()} (500 by default) with a small body.</li>
 *   <li>{@code bad-signature}: JWTs minted by targeted endpoints are signed by another RSA key published
 *       nowhere, under the same {@code kid}.</li>
 *   <li>{@code wrong-iss}, {@code wrong-aud}, {@code wrong-nonce}: that claim is corrupted in JWTs minted by
 *       targeted endpoints; wrong-iss also corrupts the discovery document's issuer and the authorization
 *       response's {@code iss} when those endpoints are targeted.</li>
 *   <li>{@code low-acr}: the {@code acr} claim becomes {@link #acr()} ("eidas0" by default; null or empty
 *       removes the claim).</li>
 *   <li>{@code oversized}: targeted requests get a 200 JSON body of {@link #sizeBytes()} (20 MB by default).</li>
 * </ul>
 *
 * @param mode what goes wrong
 * @param endpoints the endpoints affected; empty means all of them
 * @param delay the wait of {@code slow}
 * @param status the status code of {@code http500}
 * @param acr the claim value of {@code low-acr}; null or empty removes the claim
 * @param sizeBytes the body size of {@code oversized}
 * @param duration when not null, the simulator recovers by itself after this long
 */
public record Fault(FaultMode mode, Set<Endpoint> endpoints, Duration delay, int status, String acr, long sizeBytes,
        Duration duration) {

    public static final Duration DEFAULT_DELAY = Duration.ofSeconds(5);
    public static final int DEFAULT_STATUS = 500;
    public static final String DEFAULT_LOW_ACR = "eidas0";
    public static final long DEFAULT_SIZE_BYTES = 20L * 1024 * 1024;

    public Fault {
        Objects.requireNonNull(mode, "mode");
        endpoints = endpoints == null || endpoints.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(endpoints));
        delay = delay == null ? DEFAULT_DELAY : delay;
        if (delay.isNegative()) {
            throw new IllegalArgumentException("Negative delay: " + delay);
        }
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("Not an HTTP status: " + status);
        }
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("Negative size: " + sizeBytes);
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("The duration must be positive: " + duration);
        }
    }

    public static Fault of(FaultMode mode) {
        return new Fault(mode, Set.of(), DEFAULT_DELAY, DEFAULT_STATUS, DEFAULT_LOW_ACR, DEFAULT_SIZE_BYTES, null);
    }

    public static Fault none() {
        return of(FaultMode.NONE);
    }

    public static Fault refuse() {
        return of(FaultMode.REFUSE);
    }

    public static Fault blackhole() {
        return of(FaultMode.BLACKHOLE);
    }

    public static Fault slow(Duration delay) {
        return of(FaultMode.SLOW).withDelay(delay);
    }

    public static Fault http500() {
        return of(FaultMode.HTTP500);
    }

    public static Fault badSignature() {
        return of(FaultMode.BAD_SIGNATURE);
    }

    public static Fault wrongIssuer() {
        return of(FaultMode.WRONG_ISS);
    }

    public static Fault wrongAudience() {
        return of(FaultMode.WRONG_AUD);
    }

    public static Fault wrongNonce() {
        return of(FaultMode.WRONG_NONCE);
    }

    public static Fault lowAcr() {
        return of(FaultMode.LOW_ACR);
    }

    public static Fault oversized() {
        return of(FaultMode.OVERSIZED);
    }

    /** The same fault, restricted to these endpoints (none means all). */
    public Fault onlyOn(Endpoint... targets) {
        return onlyOn(Set.of(targets));
    }

    public Fault onlyOn(Collection<Endpoint> targets) {
        return new Fault(mode, Set.copyOf(targets), delay, status, acr, sizeBytes, duration);
    }

    public Fault withDelay(Duration value) {
        return new Fault(mode, endpoints, value, status, acr, sizeBytes, duration);
    }

    public Fault withStatus(int value) {
        return new Fault(mode, endpoints, delay, value, acr, sizeBytes, duration);
    }

    public Fault withAcr(String value) {
        return new Fault(mode, endpoints, delay, status, value, sizeBytes, duration);
    }

    public Fault withSizeBytes(long value) {
        return new Fault(mode, endpoints, delay, status, acr, value, duration);
    }

    /** Recovers by itself after this long: handy from a shell, where a refused port cannot be told to reopen. */
    public Fault lasting(Duration value) {
        return new Fault(mode, endpoints, delay, status, acr, sizeBytes, value);
    }

    public boolean isNone() {
        return mode == FaultMode.NONE;
    }

    /** Whether this fault is active on that endpoint. */
    public boolean appliesTo(Endpoint endpoint) {
        return mode != FaultMode.NONE && (endpoints.isEmpty() || endpoints.contains(endpoint));
    }

    public boolean is(FaultMode candidate, Endpoint endpoint) {
        return mode == candidate && appliesTo(endpoint);
    }
}
