package fr.relais.rpps.extraction;

import static fr.relais.rpps.extraction.Fixtures.HEADER_56;
import static fr.relais.rpps.extraction.Fixtures.SAVOIR_FAIRE_HEADER;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveTest {

    @TempDir
    Path dir;

    @Test
    void readsThePublishedArchiveAndIgnoresTheDiplomaFile() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("PS_LibreAcces_Dipl_AutExerc_202411280000.txt", Fixtures.utf8("whatever|\n"));
        entries.put("PS_LibreAcces_Personne_activite_202411280000.txt",
                Fixtures.encode(UTF_8, "\r\n", HEADER_56, Fixtures.nurse("10100000001").build()));
        entries.put("PS_LibreAcces_SavoirFaire_202411280000.txt", Fixtures.encode(UTF_8, "\r\n",
                SAVOIR_FAIRE_HEADER, "8|10100000001|810100000001|LEFÈVRE|HÉLÈNE|60|Infirmier|C|Civil|S|"
                        + "Spécialité ordinale|SI06|Infirmier de bloc opératoire diplômé d'Etat|"));
        Path zip = Fixtures.zip(dir, "PS_LibreAcces_202411280000.zip", entries);

        Fixtures.Collected read = Fixtures.read(zip);

        assertThat(read.get("810100000001").savoirFaire()).extracting(sf -> sf.skill().code()).containsExactly("SI06");
        assertThat(read.get("810100000001").activities().get(0).finessSite()).isEqualTo("690012345");
        assertThat(read.report.ignoredFiles())
                .containsExactly("PS_LibreAcces_202411280000.zip!PS_LibreAcces_Dipl_AutExerc_202411280000.txt");
        assertThat(read.report.files()).extracting(FileReport::kind)
                .containsExactly(ExtractionFileKind.SAVOIR_FAIRE, ExtractionFileKind.PERSONNE_ACTIVITE);
        assertThat(read.file(ExtractionFileKind.PERSONNE_ACTIVITE).extractedAt())
                .isEqualTo(LocalDateTime.of(2024, 11, 28, 0, 0));
    }

    @Test
    void findsEntriesInsideAFolderOfTheArchive() throws Exception {
        Path zip = Fixtures.zip(dir, "extraction.zip", Map.of(
                "PS_LibreAcces/", new byte[0],
                "PS_LibreAcces/PS_LibreAcces_Personne_activite_202411280000.txt",
                Fixtures.encode(UTF_8, "\n", HEADER_56, Fixtures.nurse("10100000001").build())));

        assertThat(Fixtures.read(zip).professionals).containsOnlyKeys("810100000001");
    }

    @Test
    void refusesAnArchiveWithoutPersonneActivite() {
        Path zip = Fixtures.zip(dir, "PS_LibreAcces_202411280000.zip", Map.of(
                "PS_LibreAcces_Dipl_AutExerc_202411280000.txt", Fixtures.utf8("x|\n"),
                "PS_LibreAcces_SavoirFaire_202411280000.txt", Fixtures.utf8(SAVOIR_FAIRE_HEADER + "\n")));

        assertFails(() -> Fixtures.read(zip), ExtractionException.Kind.NO_PERSONNE_ACTIVITE,
                "PS_LibreAcces_202411280000.zip holds no Personne_activite");
    }

    @Test
    void refusesADamagedArchive() throws Exception {
        byte[] whole = Files.readAllBytes(Fixtures.zip(dir, "whole.zip", Map.of(
                "PS_LibreAcces_Personne_activite_202411280000.txt",
                Fixtures.encode(UTF_8, "\n", HEADER_56, Fixtures.nurse("10100000001").build()))));
        Path truncated = Fixtures.writeBytes(dir, "PS_LibreAcces_202411280000.zip",
                Arrays.copyOf(whole, whole.length / 2));

        assertFails(() -> Fixtures.read(truncated), ExtractionException.Kind.UNREADABLE_ARCHIVE,
                "PS_LibreAcces_202411280000.zip cannot be opened");
    }

    @Test
    void refusesAnArchiveWhoseEntryDoesNotInflate() throws Exception {
        String text = HEADER_56 + "\n" + Fixtures.nurse("10100000001").build() + "\n";
        byte[] zip = Files.readAllBytes(Fixtures.zip(dir, "whole.zip",
                Map.of("PS_LibreAcces_Personne_activite_202411280000.txt", Fixtures.utf8(text.repeat(50)))));
        // Flip bytes in the middle of the compressed data, leaving headers and directory intact.
        for (int i = 100; i < 140; i++) {
            zip[i] ^= 0x5a;
        }
        Path corrupt = Fixtures.writeBytes(dir, "PS_LibreAcces_202411280000.zip", zip);

        assertFails(() -> Fixtures.read(corrupt), ExtractionException.Kind.UNREADABLE_ARCHIVE,
                "entry PS_LibreAcces_Personne_activite_202411280000.txt cannot be read");
    }

    @Test
    void refusesAnArchiveDamagedFarIntoItsEntry() throws Exception {
        // Megabytes of distinct lines: the damage is met while the parser streams, well past the first buffer.
        // Damaged deflate data may still inflate: then only the entry's CRC-32, checked at its end, tells.
        StringBuilder text = new StringBuilder(HEADER_56).append('\n');
        for (int i = 0; i < 4000; i++) {
            text.append(Fixtures.nurse(String.format("%011d", 10_100_000_000L + i)).build()).append('\n');
        }
        byte[] zip = Files.readAllBytes(Fixtures.zip(dir, "whole.zip",
                Map.of("PS_LibreAcces_Personne_activite_202411280000.txt", Fixtures.utf8(text.toString()))));
        for (int i = zip.length * 3 / 4; i < zip.length * 3 / 4 + 40; i++) {
            zip[i] ^= 0x5a;
        }
        Path corrupt = Fixtures.writeBytes(dir, "PS_LibreAcces_202411280000.zip", zip);

        assertFails(() -> Fixtures.read(corrupt), ExtractionException.Kind.UNREADABLE_ARCHIVE,
                "entry PS_LibreAcces_Personne_activite_202411280000.txt cannot be read");
    }

    @Test
    void refusesFilesItCannotPlace() {
        Path unknown = Fixtures.write(dir, "export.txt", UTF_8, "\n", HEADER_56);
        assertFails(() -> Fixtures.read(unknown), ExtractionException.Kind.UNKNOWN_FILE, "export.txt");

        Path missing = dir.resolve("PS_LibreAcces_Personne_activite_202411280000.txt");
        assertFails(() -> Fixtures.read(missing), ExtractionException.Kind.IO, "cannot read");

        Path savoirFaireOnly = Fixtures.write(dir, "ps-libreacces-savoirfaire.txt", UTF_8, "\n", SAVOIR_FAIRE_HEADER);
        assertFails(() -> Fixtures.read(savoirFaireOnly), ExtractionException.Kind.NO_PERSONNE_ACTIVITE,
                "SavoirFaire file without the Personne_activite");

        assertFails(() -> Fixtures.read(), ExtractionException.Kind.NO_PERSONNE_ACTIVITE, "no Personne_activite");
    }

    @Test
    void refusesTwoFilesOfTheSameKind() {
        Path first = Fixtures.write(dir, "PS_LibreAcces_Personne_activite_202411280000.txt", UTF_8, "\n", HEADER_56);
        Path second = Fixtures.write(dir, "PS_LibreAcces_Personne_activite_202411290000.txt", UTF_8, "\n", HEADER_56);

        assertFails(() -> Fixtures.read(first, second), ExtractionException.Kind.DUPLICATE_FILE,
                "PS_LibreAcces_Personne_activite_202411290000.txt");
    }

    @Test
    void refusesAnEmptyFile() {
        Path empty = Fixtures.writeBytes(dir, "PS_LibreAcces_Personne_activite_202411280000.txt");

        assertFails(() -> Fixtures.read(empty), ExtractionException.Kind.EMPTY_FILE, "no header line");
        Path blankFirstLine = Fixtures.writeBytes(dir, "PS_LibreAcces_Personne_activite_202411290000.txt",
                Fixtures.utf8("\uFEFF\r\n" + HEADER_56 + "\n"));
        assertFails(() -> Fixtures.read(blankFirstLine), ExtractionException.Kind.EMPTY_FILE,
                "the first line is empty, where the header is expected");
    }

    @Test
    void refusesAStoredEntryWhoseBytesDoNotMatchItsCrc() throws Exception {
        // Stored (not compressed): a flipped byte inflates fine, so only the directory's CRC-32 can tell.
        byte[] text = Fixtures.utf8(HEADER_56 + "\n" + Fixtures.nurse("10100000001").build() + "\n");
        CRC32 crc = new CRC32();
        crc.update(text);
        ZipEntry entry = new ZipEntry("PS_LibreAcces_Personne_activite_202411280000.txt");
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(text.length);
        entry.setCompressedSize(text.length);
        entry.setCrc(crc.getValue());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(entry);
            zip.write(text);
            zip.closeEntry();
        }
        byte[] archive = bytes.toByteArray();
        String marker = "LEFÈVRE";
        int at = indexOf(archive, Fixtures.utf8(marker));
        archive[at] = 'M';  // LEFÈVRE becomes MEFÈVRE: a valid line, a wrong name
        Path damaged = Fixtures.writeBytes(dir, "PS_LibreAcces_202411280000.zip", archive);

        assertFails(() -> Fixtures.read(damaged), ExtractionException.Kind.UNREADABLE_ARCHIVE, "damaged entry: CRC-32");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    private static void assertFails(ThrowingCallable read, ExtractionException.Kind kind, String message) {
        assertThatThrownBy(read)
                .isInstanceOfSatisfying(ExtractionException.class, e -> assertThat(e.kind()).isEqualTo(kind))
                .hasMessageContaining(message);
    }
}
