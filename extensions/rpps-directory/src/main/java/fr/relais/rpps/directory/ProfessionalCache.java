package fr.relais.rpps.directory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A node's copy of the directory answers its logins keep asking for: one professional by idNat_PS,
 * present or absent. Every token of a card or PSC login carries the professional's RPPS claims (the id
 * token, the access token, userinfo: two or three reads a login) and a site's logins come back to the same
 * few thousand people every day, while the directory itself only changes when an import commits. So an answer is kept until the next import
 * ({@link #invalidateAll}, called on every node when one commits) and at most for its time to live (the
 * bound for a node that missed that signal), the least recently used answers making room for new ones.
 *
 * <p>An answer read from the database just before an import commits must not be kept after it: each
 * {@link #find} notes the cache's generation before reading and keeps its answer only if no
 * invalidation happened meanwhile. A read that fails is not kept either: the next lookup reads again.
 */
public final class ProfessionalCache {

    /** Every lookup reads the database. */
    public static final ProfessionalCache OFF = new ProfessionalCache(TimeToLive.of(Duration.ZERO, 1));

    /** What a lookup found, and whether the database was read for it. */
    public record Answer(Optional<ProfessionalRecord> professional, boolean read) {
    }

    private record Entry(Optional<ProfessionalRecord> answer, long expiresAtMillis) {
    }

    private final TimeToLive timeToLive;
    private final Map<String, Entry> entries;
    private long generation;

    public ProfessionalCache(TimeToLive timeToLive) {
        this.timeToLive = timeToLive;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > timeToLive.maxEntries();
            }
        };
    }

    /**
     * The kept answer for this idNat_PS, or {@code read}'s, kept for the next lookups.
     *
     * @param read the database lookup; its exceptions reach the caller and nothing is kept
     */
    public Answer find(String idNat, long nowMillis, Function<String, Optional<ProfessionalRecord>> read) {
        if (!enabled()) {
            return new Answer(read.apply(idNat), true);
        }
        long readGeneration;
        synchronized (this) {
            Entry entry = entries.get(idNat);
            if (entry != null && timeToLive.live(entry.expiresAtMillis, nowMillis)) {
                return new Answer(entry.answer, false);
            }
            readGeneration = generation;
        }
        Optional<ProfessionalRecord> answer = read.apply(idNat);
        synchronized (this) {
            if (generation == readGeneration) {
                entries.put(idNat, new Entry(answer, timeToLive.expiryFrom(nowMillis)));
            }
        }
        return new Answer(answer, true);
    }

    /** Forgets every answer, including those of lookups still reading: the directory has changed. */
    public synchronized void invalidateAll() {
        generation++;
        entries.clear();
    }

    /** False when the time to live is zero: every lookup reads the database. */
    public boolean enabled() {
        return timeToLive.enabled();
    }

    public synchronized int size() {
        return entries.size();
    }
}
