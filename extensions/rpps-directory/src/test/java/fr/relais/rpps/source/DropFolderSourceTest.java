package fr.relais.rpps.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DropFolderSourceTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    @TempDir
    Path folder;


    @Test
    void takesTheNewestArchiveOnceThenSkipsItWhileUnchanged() throws Exception {
        file("PS_LibreAcces_202611270000.zip", NOW.minusSeconds(86_400));
        file("PS_LibreAcces_202611280000.zip", NOW.minusSeconds(3_600));
        file("notes.txt", NOW.minusSeconds(3_600));
        DropFolderSource source = source();

        FetchedExtraction fetched = source.fetch(Optional.empty()).orElseThrow();

        assertThat(fetched.files()).extracting(p -> p.getFileName().toString())
                .containsExactly("PS_LibreAcces_202611280000.zip");
        assertThat(fetched.temporary()).isFalse();
        assertThat(source.fetch(Optional.of(fetched.version()))).isEmpty();
    }

    @Test
    void takesTheTextFilesWhenThereIsNoArchive() throws Exception {
        file("ps-libreacces-personne-activite.txt", NOW.minusSeconds(3_600));
        file("PS_LibreAcces_SavoirFaire_202611280000.txt", NOW.minusSeconds(3_600));

        assertThat(source().fetch(Optional.empty()).orElseThrow().files()).extracting(p -> p.getFileName().toString())
                .containsExactly("ps-libreacces-personne-activite.txt", "PS_LibreAcces_SavoirFaire_202611280000.txt");
    }

    @Test
    void waitsForAFileStillBeingCopied() throws Exception {
        file("PS_LibreAcces_202611280000.zip", NOW.minusSeconds(10));

        assertThat(source().fetch(Optional.empty())).isEmpty();
    }

    @Test
    void anEmptyOrMissingFolderOffersNothing() throws Exception {
        assertThat(source().fetch(Optional.empty())).isEmpty();
        assertThat(new DropFolderSource(folder.resolve("absent"), Clock.systemUTC(), Duration.ZERO)
                .fetch(Optional.empty())).isEmpty();
    }

    private DropFolderSource source() {
        return new DropFolderSource(folder, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(1));
    }

    private void file(String name, Instant modified) throws Exception {
        Path file = Files.writeString(folder.resolve(name), name);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }
}
