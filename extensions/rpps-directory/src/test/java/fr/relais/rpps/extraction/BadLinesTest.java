package fr.relais.rpps.extraction;

import static fr.relais.rpps.extraction.Fixtures.HEADER_56;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadLinesTest {

    private static final String FILE = "PS_LibreAcces_Personne_activite_202411280000.txt";

    @TempDir
    Path dir;

    @Test
    void countsAndSamplesEachHostileLineAndKeepsTheGoodOnes() throws Exception {
        String good = Fixtures.nurse("10100000001").build();
        String tooLong = Fixtures.nurse("10100000004").set("Raison sociale site", "X".repeat(70_000)).build();
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i == '\n' ? 0 : i);
        }
        Path file = Fixtures.writeBytes(dir, FILE, Fixtures.encode(UTF_8, "\n",
                        HEADER_56,                                                                     // 1
                        good,                                                                          // 2
                        Fixtures.nurse("10100000002").set("Raison sociale site", "EHPAD|ANNEXE").build(), // 3
                        good.substring(0, good.lastIndexOf("|Activité standard")) + "|",               // 4
                        good.substring(0, good.length() - 1),                                          // 5
                        Fixtures.nurse("10100000003").set("Raison sociale site", "\"LE CEDRE\" BIS")
                                .set("Enseigne commerciale site", "\"OUVERT").set("Libellé Voie (coord. structure)",
                                        "DU 8 \"MAI\"").build(),                                       // 6
                        tooLong,                                                                       // 7
                        ""),                                                                           // 8 (binary)
                binary, new byte[] {'\n'},                                                             // 9
                Fixtures.encode(UTF_8, "\n",
                        Fixtures.nurse("10100000005").set("Identification nationale PP", "").build(),   // 10
                        Fixtures.nurse("10100000006").set("Identification nationale PP", "8101-000006").build(), // 11
                        Fixtures.nurse("10100000007").set("Type d'identifiant PP", "3")
                                .set("Identification nationale PP", "310100000007").build(),          // 12
                        Fixtures.nurse("10100000008").set("Identification nationale PP", "810100000009").build(), // 13
                        Fixtures.nurse("10100000010").build()));                                       // 14

        Fixtures.Collected read = Fixtures.read(file);

        FileReport report = read.file(ExtractionFileKind.PERSONNE_ACTIVITE);
        assertThat(read.professionals.keySet()).containsExactly("810100000001", "810100000003", "810100000010");
        assertThat(report.lines()).isEqualTo(14);
        assertThat(report.acceptedRows()).isEqualTo(3);
        assertThat(report.badLineCounts()).isEqualTo(Map.of(
                BadLineReason.FIELD_COUNT, 3L,
                BadLineReason.LINE_TOO_LONG, 1L,
                BadLineReason.EMPTY_LINE, 1L,
                BadLineReason.CONTROL_CHARACTERS, 1L,
                BadLineReason.INVALID_IDENTIFIER, 4L));
        assertThat(report.badLineSamples()).extracting(BadLine::lineNumber, BadLine::reason, BadLine::detail)
                .containsExactly(
                        tuple(3L, BadLineReason.FIELD_COUNT, "expected 56 values, found 57"),
                        tuple(4L, BadLineReason.FIELD_COUNT, "expected 56 values, found 55"),
                        tuple(5L, BadLineReason.FIELD_COUNT, "no trailing | after the last value, unlike the header"),
                        tuple(7L, BadLineReason.LINE_TOO_LONG,
                                "line of " + Fixtures.utf8(tooLong).length + " bytes, limit 65536"),
                        tuple(8L, BadLineReason.EMPTY_LINE, "empty line"),
                        tuple(9L, BadLineReason.CONTROL_CHARACTERS, "control bytes in the line"),
                        tuple(10L, BadLineReason.INVALID_IDENTIFIER, "empty idNat_PS"),
                        tuple(11L, BadLineReason.INVALID_IDENTIFIER, "malformed idNat_PS '8101-000006'"),
                        tuple(12L, BadLineReason.INVALID_IDENTIFIER, "unknown identifier type '3'"),
                        tuple(13L, BadLineReason.INVALID_IDENTIFIER,
                                "idNat_PS 810100000009 is not type 8 + identifier 10100000008"));
        assertThat(report.badLineSamples().get(0).excerpt()).startsWith("8|10100000002|810100000002|");
        assertThat(report.badLineSamples().get(5).excerpt()).startsWith("?????????").contains("!\"#$%");
    }

    @Test
    void treatsQuotesAsOrdinaryCharacters() throws Exception {
        Path file = Fixtures.write(dir, FILE, UTF_8, "\n", HEADER_56,
                Fixtures.nurse("10100000003").set("Raison sociale site", "\"LE CEDRE\" BIS")
                        .set("Enseigne commerciale site", "\"OUVERT")
                        .set("Libellé Voie (coord. structure)", "DU 8 \"MAI\"").build(),
                Fixtures.nurse("10100000004").set("Raison sociale site", "\"").build());

        Fixtures.Collected read = Fixtures.read(file);

        Activity activity = read.get("810100000003").activities().get(0);
        assertThat(activity.legalName()).isEqualTo("\"LE CEDRE\" BIS");
        assertThat(activity.tradeName()).isEqualTo("\"OUVERT");
        assertThat(activity.address().streetName()).isEqualTo("DU 8 \"MAI\"");
        assertThat(read.get("810100000004").activities().get(0).legalName()).isEqualTo("\"");
        // An opening quote must not swallow the separators after it: the next columns keep their values.
        assertThat(activity.address().postalCode()).isEqualTo("69003");
    }

    @Test
    void countsEveryBadLineButSamplesOnlyTheFirstOnes() throws Exception {
        String[] lines = new String[1 + 5 + 1];
        lines[0] = HEADER_56;
        for (int i = 1; i <= 5; i++) {
            lines[i] = Fixtures.nurse("1010000000" + i).set("Identification nationale PP", "").build();
        }
        lines[6] = Fixtures.nurse("10100000009").build();
        Path file = Fixtures.write(dir, FILE, UTF_8, "\n", lines);

        Fixtures.Collected read = Fixtures.read(new ReadOptions(4096, 2), file);

        FileReport report = read.file(ExtractionFileKind.PERSONNE_ACTIVITE);
        assertThat(report.badLines()).isEqualTo(5);
        assertThat(report.badLineSamples()).extracting(BadLine::lineNumber).containsExactly(2L, 3L);
        assertThat(read.professionals.keySet()).containsExactly("810100000009");
        assertThat(read.report.summary()).contains("1 professionals").contains("5 bad lines")
                .contains("INVALID_IDENTIFIER=5");
    }
}
