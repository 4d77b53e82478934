package fr.relais.rpps.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ImportGuardTest {

    private final ImportGuard guard = new ImportGuard(ImportSettings.DEFAULTS);

    @Test
    void acceptsTheUsualDailyChurn() {
        assertThat(guard.check(740_000, 739_200, 1_200_000, 30, false).accepted()).isTrue();
        assertThat(guard.check(0, 740_000, 1_200_000, 0, false).accepted()).as("first import").isTrue();
        assertThat(guard.check(740_000, 760_000, 1_200_000, 0, false).accepted()).as("growth").isTrue();
    }

    @Test
    void refusesAShrinkBeyondTheThresholdUnlessForced() {
        ImportGuard.Decision refused = guard.check(740_000, 600_000, 1_000_000, 0, false);

        assertThat(refused.accepted()).isFalse();
        assertThat(refused.message()).contains("baisse de 18,9 %").contains("740000 → 600000").contains("forçant");
        assertThat(guard.check(740_000, 600_000, 1_000_000, 0, true).accepted()).isTrue();
        assertThat(guard.check(100, 95, 150, 0, false).accepted()).as("exactly at the threshold").isTrue();
    }

    @Test
    void refusesAFileOfBadLinesUnlessForced() {
        assertThat(guard.check(740_000, 740_000, 1_200_000, 13_000, false).message()).contains("lignes sont invalides");
        assertThat(guard.check(740_000, 740_000, 1_200_000, 13_000, true).accepted()).isTrue();
    }

    @Test
    void neverAcceptsAnEmptyDirectory() {
        assertThat(guard.check(740_000, 0, 10, 0, true).accepted()).isFalse();
        ImportGuard scoped = new ImportGuard(ImportSettings.DEFAULTS.withScope(ImportScope.of(Set.of("690012345"), Set.of())));
        assertThat(scoped.check(0, 0, 10, 0, false).message()).contains("dans le périmètre (FINESS 690012345)");
    }
}
