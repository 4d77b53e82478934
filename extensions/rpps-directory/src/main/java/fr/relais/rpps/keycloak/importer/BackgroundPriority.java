package fr.relais.rpps.keycloak.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * Lowers the scheduling priority (Linux nice value) of the calling thread only, so that on a busy core
 * the requests Keycloak serves run before it: a woken request thread preempts it at once instead of
 * waiting for its time slice, and it gets the CPU the requests leave. Java cannot set a thread's nice
 * value ({@code Thread.setPriority} is ignored on Linux unless the JVM runs with
 * {@code -XX:ThreadPriorityPolicy=1}), so this runs {@code renice} on the thread's own id, which on Linux
 * affects that thread alone; lowering one's own priority needs no privilege. Anything else (another
 * system, no {@code renice}) leaves the priority as it was, with one warning: the work still runs.
 */
final class BackgroundPriority {

    private static final Logger LOG = Logger.getLogger(BackgroundPriority.class);

    private BackgroundPriority() {
    }

    /** @return whether the calling thread now runs at {@code nice} */
    static boolean lowerCurrentThread(int nice) {
        OptionalInt before = currentNice();
        if (before.isEmpty()) {
            LOG.warnf("Thread %s keeps its priority: this system has no /proc/thread-self", Thread.currentThread().getName());
            return false;
        }
        if (before.getAsInt() >= nice) {
            return true;
        }
        String output;
        try {
            Process renice = new ProcessBuilder("renice", "--priority", Integer.toString(nice), "--pid", threadId())
                    .redirectErrorStream(true).start();
            output = new String(renice.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!renice.waitFor(10, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
            }
        } catch (IOException e) {
            output = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            output = "interrupted";
        }
        // Read back rather than trust the exit code: renice's meaning of a bare value changed across versions.
        OptionalInt after = currentNice();
        if (after.isPresent() && after.getAsInt() == nice) {
            LOG.debugf("Thread %s runs at nice %d", Thread.currentThread().getName(), nice);
            return true;
        }
        LOG.warnf("Thread %s keeps nice %s instead of %d (renice: %s)", Thread.currentThread().getName(),
                after.isPresent() ? Integer.toString(after.getAsInt()) : "?", nice, output);
        return false;
    }

    /** The calling thread's nice value (field 19 of its stat), empty where there is no /proc/thread-self. */
    static OptionalInt currentNice() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            // The thread name, in parentheses, may hold spaces: count fields after its closing one.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return OptionalInt.of(Integer.parseInt(fields[16]));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /** The kernel's id of the calling thread: /proc/thread-self links to {@code <pid>/task/<tid>}. */
    private static String threadId() throws IOException {
        return Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
    }
}
