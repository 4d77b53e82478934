package fr.relais.rpps.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class ProfessionalCacheTest {

    private static final String GUIGNARD = "810001045367";
    private static final long NOW = 1_800_000_000_000L;

    private final List<String> reads = new ArrayList<>();
    private final ProfessionalRecord doctor = Records.doctor(Records.cabinet("69"));

    private final Function<String, Optional<ProfessionalRecord>> directory = idNat -> {
        reads.add(idNat);
        return idNat.equals(GUIGNARD) ? Optional.of(doctor) : Optional.empty();
    };

    @Test
    void aProfessionalIsReadOnceWithinTheTimeToLive() {
        ProfessionalCache cache = cache(Duration.ofMinutes(5), 100);

        assertThat(cache.find(GUIGNARD, NOW, directory)).isEqualTo(new ProfessionalCache.Answer(Optional.of(doctor), true));
        assertThat(cache.find(GUIGNARD, NOW + 299_999, directory))
                .isEqualTo(new ProfessionalCache.Answer(Optional.of(doctor), false));

        assertThat(reads).containsExactly(GUIGNARD);
    }

    @Test
    void anAbsentProfessionalIsKeptAsAbsent() {
        ProfessionalCache cache = cache(Duration.ofMinutes(5), 100);

        assertThat(cache.find("899999999999", NOW, directory).professional()).isEmpty();
        assertThat(cache.find("899999999999", NOW + 1, directory).professional()).isEmpty();

        assertThat(reads).containsExactly("899999999999");
    }

    @Test
    void anAnswerIsReadAgainOnceItsTimeToLiveIsOver() {
        ProfessionalCache cache = cache(Duration.ofMinutes(5), 100);

        cache.find(GUIGNARD, NOW, directory);
        cache.find(GUIGNARD, NOW + 300_000, directory);

        assertThat(reads).containsExactly(GUIGNARD, GUIGNARD);
    }

    @Test
    void aClockThatWentBackDoesNotStretchTheTimeToLive() {
        ProfessionalCache cache = cache(Duration.ofMinutes(5), 100);

        cache.find(GUIGNARD, NOW, directory);
        cache.find(GUIGNARD, NOW - 3_600_000, directory);

        assertThat(reads).containsExactly(GUIGNARD, GUIGNARD);
    }

    @Test
    void anImportMakesEveryLookupReadTheDirectoryAgain() {
        ProfessionalCache cache = cache(Duration.ofMinutes(5), 100);
        cache.find(GUIGNARD, NOW, directory);
        cache.find("899999999999", NOW, directory);

        cache.invalidateAll();

        assertThat(cache.size()).isZero();
        cache.find(GUIGNARD, NOW + 1, directory);
        cache.find("899999999999", NOW + 1, directory);
        assertThat(reads).containsExactly(GUIGNARD, "899999999999", GUIGNARD, "899999999999");
    }

    @Test
    void anAnswerReadBeforeAnImportCommittedIsNotKeptAfterIt() {
        ProfessionalCache cache = cache(Duration.ofMinutes(5), 100);
        ProfessionalRecord beforeImport = Records.doctor(Records.activity("690000001", "690000000", "69"));

        // The lookup reads the old directory; the import commits (and invalidates) before it stores the answer.
        ProfessionalCache.Answer read = cache.find(GUIGNARD, NOW, idNat -> {
            cache.invalidateAll();
            return Optional.of(beforeImport);
        });

        assertThat(read).isEqualTo(new ProfessionalCache.Answer(Optional.of(beforeImport), true));
        assertThat(cache.find(GUIGNARD, NOW + 1, directory)).isEqualTo(new ProfessionalCache.Answer(Optional.of(doctor), true));
        assertThat(reads).containsExactly(GUIGNARD);
    }

    @Test
    void aFailedReadIsNotKept() {
        ProfessionalCache cache = cache(Duration.ofMinutes(5), 100);

        assertThatThrownBy(() -> cache.find(GUIGNARD, NOW, idNat -> {
            throw new IllegalStateException("database unreachable");
        })).hasMessage("database unreachable");

        assertThat(cache.find(GUIGNARD, NOW + 1, directory).professional()).contains(doctor);
        assertThat(reads).containsExactly(GUIGNARD);
    }

    @Test
    void theLeastRecentlyUsedAnswerMakesRoomWhenFull() {
        ProfessionalCache cache = cache(Duration.ofMinutes(5), 2);
        cache.find("1", NOW, directory);
        cache.find("2", NOW, directory);
        cache.find("1", NOW, directory);  // "2" is now the least recently used

        cache.find("3", NOW, directory);

        assertThat(cache.size()).isEqualTo(2);
        cache.find("1", NOW, directory);
        cache.find("2", NOW, directory);
        assertThat(reads).containsExactly("1", "2", "3", "2");
    }

    @Test
    void aZeroTimeToLiveReadsEveryTime() {
        ProfessionalCache.OFF.find(GUIGNARD, NOW, directory);

        assertThat(ProfessionalCache.OFF.find(GUIGNARD, NOW, directory).read()).isTrue();
        assertThat(reads).containsExactly(GUIGNARD, GUIGNARD);
        assertThat(ProfessionalCache.OFF.size()).isZero();
        assertThat(ProfessionalCache.OFF.enabled()).isFalse();
        assertThat(cache(Duration.ofSeconds(1), 1).enabled()).isTrue();
    }

    private static ProfessionalCache cache(Duration timeToLive, int maxEntries) {
        return new ProfessionalCache(TimeToLive.of(timeToLive, maxEntries));
    }
}
