package fr.relais.it.continuity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Applications refreshing one session's tokens in a loop, several at once, until closed: what makes a
 * refresh land while the server ends the session, the moment Keycloak's persistent sessions can bring
 * it back (see {@code NotedSessionEnder}). With three of them, SessionGraceIT and BreakGlassIT saw it
 * happen in most runs. {@link #start} returns once each of them has refreshed the live session, so a
 * test cannot pass without the race having had its chance; {@link #close} reports an application that
 * failed.
 */
final class ConcurrentRefreshes implements AutoCloseable {

    private static final int OK = 200;

    private final ExecutorService applications;
    private final List<Future<Void>> running = new ArrayList<>();
    private final AtomicBoolean closing = new AtomicBoolean();

    private ConcurrentRefreshes(int count, Callable<Integer> refresh) throws InterruptedException {
        applications = Executors.newFixedThreadPool(count);
        CountDownLatch allRefreshed = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            running.add(applications.submit(() -> {
                boolean refreshed = false;
                while (!closing.get()) {
                    if (refresh.call() == OK && !refreshed) {
                        refreshed = true;
                        allRefreshed.countDown();
                    }
                }
                return null;
            }));
        }
        if (!allRefreshed.await(30, TimeUnit.SECONDS)) {
            close();
            throw new AssertionError("Not every application could refresh the session within 30 s");
        }
    }

    static ConcurrentRefreshes start(int count, Callable<Integer> refresh) throws InterruptedException {
        return new ConcurrentRefreshes(count, refresh);
    }

    @Override
    public void close() throws InterruptedException {
        closing.set(true);
        applications.shutdown();
        if (!applications.awaitTermination(30, TimeUnit.SECONDS)) {
            throw new AssertionError("Refreshing applications still running 30 s after being stopped");
        }
        for (Future<Void> application : running) {
            try {
                application.get();
            } catch (ExecutionException e) {
                throw new AssertionError("A refreshing application failed", e.getCause());
            }
        }
    }
}
