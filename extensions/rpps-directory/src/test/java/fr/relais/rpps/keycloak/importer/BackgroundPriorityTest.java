package fr.relais.rpps.keycloak.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BackgroundPriorityTest {

    @BeforeAll
    static void onLinux() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "nice values are per thread on Linux only");
    }

    @Test
    void lowersTheCallingThreadAloneAndNeverRaisesIt() throws Exception {
        int mine = BackgroundPriority.currentNice().orElseThrow();
        assumeTrue(mine < 15, "the test runs at nice " + mine + " already");

        int[] seen = onOwnThread(() -> {
            boolean lowered = BackgroundPriority.lowerCurrentThread(mine + 3);
            int afterLowering = BackgroundPriority.currentNice().orElseThrow();
            boolean keptLow = BackgroundPriority.lowerCurrentThread(mine + 1);
            return new int[] {lowered ? 1 : 0, afterLowering, keptLow ? 1 : 0, BackgroundPriority.currentNice().orElseThrow()};
        });

        assertThat(seen[0]).as("lowered").isEqualTo(1);
        assertThat(seen[1]).isEqualTo(mine + 3);
        assertThat(seen[2]).as("a higher priority than the thread has is not asked for").isEqualTo(1);
        assertThat(seen[3]).isEqualTo(mine + 3);
        assertThat(BackgroundPriority.currentNice()).as("the test's own thread").isEqualTo(OptionalInt.of(mine));
        assertThat(onOwnThread(() -> new int[] {BackgroundPriority.currentNice().orElseThrow()})[0])
                .as("a thread started afterwards").isEqualTo(mine);
    }

    private static int[] onOwnThread(Supplier<int[]> work) throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            return CompletableFuture.supplyAsync(work, executor).get();
        } finally {
            executor.shutdownNow();
        }
    }
}
