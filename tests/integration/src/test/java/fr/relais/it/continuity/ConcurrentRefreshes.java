package fr.relais.it.continuity;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Applications refreshing one session's tokens in a loop, several at once, until closed: what makes a
 * refresh land while the server ends the session, the moment Keycloak's persistent sessions can bring
 * it back (see {@code NotedSessionEnder}). With three of them, SessionGraceIT and BreakGlassIT saw it happen in
 * every run so far.
 */
final class ConcurrentRefreshes implements AutoCloseable {

    private final ExecutorService applications;
    private final AtomicBoolean closing = new AtomicBoolean();

    private ConcurrentRefreshes(int count, Callable<Integer> refresh) {
        applications = Executors.newFixedThreadPool(count);
        for (int i = 0; i < count; i++) {
            applications.submit(() -> {
                while (!closing.get()) {
                    refresh.call();
                }
                return null;
            });
        }
    }

    static ConcurrentRefreshes start(int count, Callable<Integer> refresh) {
        return new ConcurrentRefreshes(count, refresh);
    }

    @Override
    public void close() throws InterruptedException {
        closing.set(true);
        applications.shutdown();
        if (!applications.awaitTermination(30, TimeUnit.SECONDS)) {
            throw new AssertionError("Refreshing applications still running 30 s after being stopped");
        }
    }
}
