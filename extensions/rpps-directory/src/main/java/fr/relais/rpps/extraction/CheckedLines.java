package fr.relais.rpps.extraction;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The data lines of one file that pass the per-line checks (length, control bytes, encoding), as one
 * stream of text for a single FastCSV reader; a line that fails is counted as bad where it is met and
 * never reaches the parser, so one damaged line cannot derail the lines around it.
 *
 * <p>Each line reaches the parser newline-terminated and on its own (a read never spans two lines), so
 * every line fed becomes exactly one record: {@link #take} names the line the next record came from.
 */
final class CheckedLines extends Reader {

    /** A line handed to the parser whose record has not been taken yet. */
    record Line(long number, String text) {
    }

    private final ByteLineReader lines;
    private final LineDecoder decoder;
    private final FileStats stats;
    private final int maxLineBytes;
    private final Deque<Line> fed = new ArrayDeque<>();
    private String current;
    private int position;
    private boolean newlineSent = true;

    CheckedLines(ByteLineReader lines, LineDecoder decoder, FileStats stats, int maxLineBytes) {
        this.lines = lines;
        this.decoder = decoder;
        this.stats = stats;
        this.maxLineBytes = maxLineBytes;
    }

    /** The line the parser's next record was split from. */
    Line take() {
        return fed.removeFirst();
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (newlineSent && !advance()) {
            return -1;
        }
        int remaining = current.length() - position;
        if (remaining == 0) {
            buffer[offset] = '\n';
            newlineSent = true;
            return 1;
        }
        int count = Math.min(length, remaining);
        current.getChars(position, position + count, buffer, offset);
        position += count;
        if (count < length) {
            buffer[offset + count] = '\n';
            newlineSent = true;
            return count + 1;
        }
        return count;
    }

    /** Moves to the next line that passes the checks, counting those that do not. */
    private boolean advance() throws IOException {
        while (lines.next()) {
            stats.lineRead();
            Rejection rejection = check();
            String text = rejection == null ? decoder.decode(lines.lineBytes(), lines.lineStart(), lines.lineLength())
                    : null;
            if (rejection == null && text == null) {
                rejection = new Rejection(BadLineReason.ENCODING, "not valid UTF-8");
            }
            if (rejection != null) {
                stats.rejected(lines.lineNumber(), rejection.reason(), rejection.detail(), stats.wantsSample()
                        ? decoder.excerpt(lines.lineBytes(), lines.lineStart(), lines.lineLength()) : null);
                continue;
            }
            fed.addLast(new Line(lines.lineNumber(), text));
            current = text;
            position = 0;
            newlineSent = false;
            return true;
        }
        return false;
    }

    private Rejection check() {
        if (lines.tooLong()) {
            return new Rejection(BadLineReason.LINE_TOO_LONG, "line of " + lines.oversizedLength()
                    + " bytes, limit " + maxLineBytes);
        }
        if (lines.lineLength() == 0) {
            return new Rejection(BadLineReason.EMPTY_LINE, "empty line");
        }
        if (LineDecoder.hasControlCharacters(lines.lineBytes(), lines.lineStart(), lines.lineLength())) {
            return new Rejection(BadLineReason.CONTROL_CHARACTERS, "control bytes in the line");
        }
        return null;
    }

    /** Nothing to release: the underlying stream belongs to the caller. */
    @Override
    public void close() {
    }
}
