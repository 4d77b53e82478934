package fr.relais.it.continuity;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Polls until a condition holds, for things the server does in the background. */
public final class Waiting {

    private Waiting() {
    }

    /** Returns how long it took; fails with the last value seen when the budget runs out. */
    public static <T> Duration until(Duration budget, Callable<T> probe, Predicate<T> done, String what) throws Exception {
        long started = System.nanoTime();
        long deadline = started + budget.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = probe.call();
            if (done.test(last)) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Still not " + what + " after " + budget.toSeconds() + " s; last seen: " + last);
    }
}
