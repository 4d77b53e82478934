package fr.relais.rpps.directory;

import java.time.Duration;

/**
 * How long a node keeps an answer it read, and the bounds of a cache holding such answers. One rule for
 * every cache of this module: an answer is live until its expiry, and one expiring further ahead than the
 * time to live is not live either, since the wall clock went back (NTP, a resumed VM) and an answer must
 * not outlive its time to live because of that.
 */
public record TimeToLive(long millis, int maxEntries) {

    public TimeToLive {
        if (millis < 0 || maxEntries < 1) {
            throw new IllegalArgumentException("time to live must be positive or zero, size at least 1");
        }
    }

    /** @param duration zero turns the cache off */
    public static TimeToLive of(Duration duration, int maxEntries) {
        return new TimeToLive(duration.toMillis(), maxEntries);
    }

    /** False when the time to live is zero: nothing is kept. */
    public boolean enabled() {
        return millis > 0;
    }

    public long expiryFrom(long nowMillis) {
        return nowMillis + millis;
    }

    public boolean live(long expiresAtMillis, long nowMillis) {
        return expiresAtMillis > nowMillis && expiresAtMillis - nowMillis <= millis;
    }
}
