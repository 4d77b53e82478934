package fr.relais.rpps.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ByteLineReaderTest {

    private static final int LIMIT = 1024;

    @Test
    void splitsOnLfAndCrLfAcrossBufferRefills() throws IOException {
        Random random = new Random(42);
        List<String> expected = new ArrayList<>();
        StringBuilder content = new StringBuilder();
        // Enough lines to refill the 256 KiB buffer several times, with lines cut at every offset.
        while (content.length() < 1_200_000) {
            String line = "L" + expected.size() + "|" + "x".repeat(random.nextInt(LIMIT - 10));
            expected.add(line);
            content.append(line).append(random.nextBoolean() ? "\r\n" : "\n");
        }

        List<String> lines = readAll(content.toString(), 1000);

        assertThat(lines).hasSameSizeAs(expected);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i).equals(expected.get(i))).as("line %d", i + 1).isTrue();
        }
    }

    @Test
    void acceptsALineOfExactlyTheLimitAndSkipsALongerOneWithoutLosingTheNext() throws IOException {
        String atLimit = "a".repeat(LIMIT);
        String overLimit = "b".repeat(LIMIT + 1);
        String huge = "c".repeat(3_000_000);

        List<String> lines = readAll(atLimit + "\r\n" + overLimit + "\n" + huge + "\r\nlast\r\n", 7);

        assertThat(lines.get(0).equals(atLimit)).as("line at the limit kept whole").isTrue();
        assertThat(lines.subList(1, lines.size()))
                .containsExactly("TOO LONG " + (LIMIT + 1), "TOO LONG " + 3_000_000, "last");
    }

    @Test
    void handlesAMissingFinalNewlineEmptyLinesAndAnEmptyStream() throws IOException {
        assertThat(readAll("a\n\n\r\nb\r", 3)).containsExactly("a", "", "", "b");
        assertThat(readAll("", 3)).isEmpty();
        assertThat(readAll("z".repeat(LIMIT + 5), 3)).containsExactly("TOO LONG " + (LIMIT + 5));
    }

    @Test
    void numbersLinesFromOne() throws IOException {
        ByteLineReader reader = new ByteLineReader(new ByteArrayInputStream("a\nb\n".getBytes()), LIMIT);
        reader.next();
        reader.next();
        assertThat(reader.lineNumber()).isEqualTo(2);
        assertThat(reader.next()).isFalse();
    }

    /** Reads through a stream that hands out at most {@code chunk} bytes per call, as a socket or inflater may. */
    private static List<String> readAll(String content, int chunk) throws IOException {
        InputStream trickle = new ByteArrayInputStream(content.getBytes(StandardCharsets.US_ASCII)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
        ByteLineReader reader = new ByteLineReader(trickle, LIMIT);
        List<String> lines = new ArrayList<>();
        while (reader.next()) {
            lines.add(reader.tooLong() ? "TOO LONG " + reader.oversizedLength() : new String(reader.lineBytes(),
                    reader.lineStart(), reader.lineLength(), StandardCharsets.US_ASCII));
        }
        return lines;
    }
}
