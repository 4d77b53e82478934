package fr.relais.continuity.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions a continuity feature ended lately, to be looked for again for a while.
 *
 * <p>Why: with Keycloak's persistent sessions, ending a session removes it from the cache first and
 * from the database in a second transaction. A token refresh arriving in between misses the cache,
 * reads the row that is still there and puts the session back into the cache, where it then lives
 * until its own maximum lifespan (seen in SessionGraceIT and BreakGlassIT with applications refreshing
 * from three threads). A refresh that read the row just before it was deleted can put the session
 * back a moment later, after the look that follows the removal (seen in CI, once in each of two runs);
 * nothing else can, so looking for a minute is ample.
 */
public final class EndedSessionWatch {

    /** One ended session: its realm, its id and when it was ended. */
    public record Ended(String realmId, String sessionId, Instant at) {
        public Ended {
            Objects.requireNonNull(realmId, "realmId");
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(at, "at");
        }
    }

    private final Duration window;
    private final Map<String, Ended> bySession = new ConcurrentHashMap<>();

    /** @param window how long after its end a session is looked for again */
    public EndedSessionWatch(Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        this.window = window;
    }

    public void ended(String realmId, String sessionId, Instant at) {
        bySession.put(sessionId, new Ended(realmId, sessionId, at));
    }

    /** The sessions still to look for at {@code now}; the older ones are forgotten. */
    public List<Ended> toLookFor(Instant now) {
        Instant oldest = now.minus(window);
        bySession.values().removeIf(e -> e.at().isBefore(oldest));
        return List.copyOf(bySession.values());
    }
}
