package fr.relais.rpps.extraction;

import static fr.relais.rpps.extraction.Fixtures.HEADER_52;
import static fr.relais.rpps.extraction.Fixtures.HEADER_56;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EncodingTest {

    private static final String FILE = "PS_LibreAcces_Personne_activite_202411280000.txt";
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({"UTF-8, LF", "UTF-8, CRLF", "ISO-8859-1, LF", "ISO-8859-1, CRLF"})
    void decodesAccentsInEitherEncodingAndLineEnding(String charsetName, String lineEnding) throws Exception {
        Charset charset = Charset.forName(charsetName);
        String eol = lineEnding.equals("CRLF") ? "\r\n" : "\n";
        Path file = Fixtures.write(dir, FILE, charset, eol, HEADER_56,
                Fixtures.nurse("10100000001").build(),
                Fixtures.nurse("10100000002").set("Nom d'exercice", "NOËL-D'ARÇON").set("Prénom d'exercice", "ZOÉ")
                        .build());

        Fixtures.Collected read = Fixtures.read(file);

        assertThat(read.file(ExtractionFileKind.PERSONNE_ACTIVITE).charset()).isEqualTo(charset.name());
        assertThat(read.get("810100000001").lastName()).isEqualTo("LEFÈVRE");
        Professional second = read.get("810100000002");
        assertThat(second.lastName()).isEqualTo("NOËL-D'ARÇON");
        assertThat(second.firstName()).isEqualTo("ZOÉ");
        // The last column sits right before the line end: no CR may stick to it.
        assertThat(second.activities().get(0).activityKind()).isEqualTo(new Coded("GENR01", "Activité standard"));
        assertThat(read.report.badLines()).isZero();
    }

    @Test
    void skipsTheUtf8ByteOrderMarkBeforeTheFirstColumnName() throws Exception {
        Path file = Fixtures.writeBytes(dir, FILE, UTF8_BOM,
                Fixtures.encode(UTF_8, "\r\n", HEADER_52, Fixtures.line(HEADER_52)
                        .set("Type d'identifiant PP", "8").set("Identifiant PP", "10100000001")
                        .set("Identification nationale PP", "810100000001").set("Nom d'exercice", "DURAND")
                        .set("Prénom d'exercice", "THÉO").set("Code profession", "10").build()));

        Fixtures.Collected read = Fixtures.read(file);

        FileReport report = read.file(ExtractionFileKind.PERSONNE_ACTIVITE);
        assertThat(report.byteOrderMark()).isTrue();
        assertThat(report.charset()).isEqualTo("UTF-8");
        assertThat(read.get("810100000001").identifierType()).isEqualTo(IdentifierType.RPPS);
        assertThat(read.get("810100000001").firstName()).isEqualTo("THÉO");
    }

    @Test
    void rejectsOnlyTheLatin1LineOfAUtf8File() throws Exception {
        Path file = Fixtures.writeBytes(dir, FILE,
                Fixtures.encode(UTF_8, "\n", HEADER_56, Fixtures.nurse("10100000001").build()),
                Fixtures.encode(ISO_8859_1, "\n", Fixtures.nurse("10100000002").build()),
                Fixtures.encode(UTF_8, "\n", Fixtures.nurse("10100000003").build()));

        Fixtures.Collected read = Fixtures.read(file);

        FileReport report = read.file(ExtractionFileKind.PERSONNE_ACTIVITE);
        assertThat(report.charset()).isEqualTo("UTF-8");
        assertThat(read.professionals.keySet()).containsExactly("810100000001", "810100000003");
        assertThat(report.badLineSamples()).singleElement().satisfies(bad -> {
            assertThat(bad.lineNumber()).isEqualTo(3);
            assertThat(bad.reason()).isEqualTo(BadLineReason.ENCODING);
        });
    }

    @Test
    void garbageNearTheTopDoesNotTurnAUtf8FileIntoLatin1() throws Exception {
        byte[] garbage = new byte[300];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (0x80 + i % 0x40);
        }
        Path file = Fixtures.writeBytes(dir, FILE,
                Fixtures.encode(UTF_8, "\n", HEADER_56), garbage, new byte[] {'\n'}, garbage, new byte[] {'\n'},
                Fixtures.encode(UTF_8, "\n", Fixtures.nurse("10100000001").build()));

        Fixtures.Collected read = Fixtures.read(file);

        assertThat(read.file(ExtractionFileKind.PERSONNE_ACTIVITE).charset()).isEqualTo("UTF-8");
        assertThat(read.get("810100000001").lastName()).isEqualTo("LEFÈVRE");
        assertThat(read.file(ExtractionFileKind.PERSONNE_ACTIVITE).badLineCounts())
                .containsEntry(BadLineReason.ENCODING, 2L);
    }

    @Test
    void refusesUtf16() {
        Path file = Fixtures.writeBytes(dir, FILE, new byte[] {(byte) 0xFF, (byte) 0xFE},
                (HEADER_56 + "\n").getBytes(Charset.forName("UTF-16LE")));

        assertThatThrownBy(() -> Fixtures.read(file))
                .isInstanceOfSatisfying(ExtractionException.class,
                        e -> assertThat(e.kind()).isEqualTo(ExtractionException.Kind.UNSUPPORTED_ENCODING));
    }
}
