package fr.relais.rpps.extraction;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Chooses between UTF-8 (recent extractions) and Latin-1 (older ones, and files re-saved by hand) for a
 * whole file, from its byte-order mark or else from the lines of its first block.
 *
 * <p>Each non-ASCII line of the block votes for UTF-8 if it decodes as such and for Latin-1 if not:
 * Latin-1 accents are almost never valid UTF-8 sequences. Voting per line keeps one damaged line near
 * the top from turning a UTF-8 file into mojibake; lines with control bytes are garbage and do not vote.
 * Every known header contains accented letters, so the header alone usually settles it.
 */
final class EncodingDetector {

    record Encoding(Charset charset, boolean byteOrderMark) {
    }

    private EncodingDetector() {
    }

    static Encoding detect(ByteLineReader reader, String fileName) throws IOException, ExtractionException {
        int available = reader.prefetch();
        byte[] bytes = reader.buffer();
        int start = reader.position();
        if (startsWith(bytes, start, available, 0xEF, 0xBB, 0xBF)) {
            reader.skip(3);
            return new Encoding(StandardCharsets.UTF_8, true);
        }
        if (startsWith(bytes, start, available, 0xFE, 0xFF) || startsWith(bytes, start, available, 0xFF, 0xFE)) {
            throw new ExtractionException(ExtractionException.Kind.UNSUPPORTED_ENCODING,
                    fileName + " starts with a UTF-16/UTF-32 byte-order mark; only UTF-8 and Latin-1 are supported");
        }
        boolean latin1 = votesForLatin1(bytes, start, start + available, reader.exhausted());
        return new Encoding(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8, false);
    }

    private static boolean votesForLatin1(byte[] bytes, int start, int end, boolean wholeFile) {
        int utf8 = 0;
        int latin1 = 0;
        int lineStart = start;
        for (int i = start; i <= end; i++) {
            // A block cut before the end of the file ends in a partial line, maybe in half a character:
            // that line does not vote.
            boolean lineEnds = i < end ? bytes[i] == '\n' : wholeFile && i > lineStart;
            if (!lineEnds) {
                continue;
            }
            int length = i > lineStart && bytes[i - 1] == '\r' ? i - lineStart - 1 : i - lineStart;
            if (isNonAscii(bytes, lineStart, length) && !LineDecoder.hasControlCharacters(bytes, lineStart, length)) {
                if (new String(bytes, lineStart, length, StandardCharsets.UTF_8).indexOf('\uFFFD') < 0) {
                    utf8++;
                } else {
                    latin1++;
                }
            }
            lineStart = i + 1;
        }
        return latin1 > utf8;
    }

    private static boolean isNonAscii(byte[] bytes, int start, int length) {
        for (int i = start, end = start + length; i < end; i++) {
            if (bytes[i] < 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, int start, int available, int... prefix) {
        if (available < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[start + i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
