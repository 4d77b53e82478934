package fr.relais.rpps.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines before any decoding, so that encoding problems, garbage and
 * oversized lines are judged one line at a time and never derail the lines around them.
 *
 * <p>A line ends at LF; one CR before it is dropped (CRLF files). A line longer than the limit is
 * skipped while reading, keeping only its beginning for the report, so a file without a single
 * newline costs no more memory than a normal one.
 */
final class ByteLineReader {

    private static final int READ_AHEAD = 256 * 1024;
    private static final int HEAD_BYTES = 256;
    private static final byte LF = '\n';
    private static final byte CR = '\r';

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer;
    private int position;
    private int limit;
    private boolean endOfStream;

    private long lineNumber;
    private byte[] lineBytes;
    private int lineStart;
    private int lineLength;
    private long oversizedLength;

    ByteLineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        // Room for the longest accepted line plus its CR LF, so such a line is always seen whole.
        this.buffer = new byte[Math.max(READ_AHEAD, maxLineBytes + 2)];
    }

    /** Fills the buffer as far as possible and exposes it, for encoding detection before the first line. */
    int prefetch() throws IOException {
        while (limit < buffer.length && !endOfStream) {
            readMore();
        }
        return limit - position;
    }

    byte[] buffer() {
        return buffer;
    }

    int position() {
        return position;
    }

    /** True once the whole stream is in the buffer or consumed. */
    boolean exhausted() {
        return endOfStream;
    }

    /** Drops bytes at the start of the stream (a byte-order mark). */
    void skip(int count) {
        position += count;
    }

    /** Advances to the next line; {@code false} at the end of the stream. */
    boolean next() throws IOException {
        int searchFrom = position;
        while (true) {
            int lf = indexOfLf(searchFrom, limit);
            if (lf >= 0) {
                expose(lf);
                position = lf + 1;
                return true;
            }
            if (limit - position > maxLineBytes + 1) {
                skipOversizedLine();
                return true;
            }
            if (endOfStream) {
                if (position == limit) {
                    return false;
                }
                expose(limit);
                position = limit;
                return true;
            }
            compact();
            searchFrom = limit;
            readMore();
        }
    }

    long lineNumber() {
        return lineNumber;
    }

    /** Bytes of the current line; for an oversized line, only its beginning. */
    byte[] lineBytes() {
        return lineBytes;
    }

    int lineStart() {
        return lineStart;
    }

    int lineLength() {
        return lineLength;
    }

    boolean tooLong() {
        return oversizedLength > 0;
    }

    /** Full length of an oversized line, terminator excluded. */
    long oversizedLength() {
        return oversizedLength;
    }

    /** Exposes the line from {@link #position} to its terminator (LF or end of stream), minus one CR. */
    private void expose(int terminator) {
        int end = terminator > position && buffer[terminator - 1] == CR ? terminator - 1 : terminator;
        if (end - position > maxLineBytes) {
            exposeOversized(end - position);
            return;
        }
        lineNumber++;
        oversizedLength = 0;
        lineBytes = buffer;
        lineStart = position;
        lineLength = end - position;
    }

    /** Keeps the beginning of the line at {@link #position} for the report; the caller moves past it. */
    private void exposeOversized(long length) {
        lineNumber++;
        oversizedLength = length;
        lineBytes = Arrays.copyOfRange(buffer, position, position + HEAD_BYTES);
        lineStart = 0;
        lineLength = HEAD_BYTES;
    }

    /** An oversized line not yet ended in the buffer: read on to its end without keeping it. */
    private void skipOversizedLine() throws IOException {
        exposeOversized(0);
        long length = 0;
        boolean lastWasCr = false;
        while (true) {
            int lf = indexOfLf(position, limit);
            int end = lf >= 0 ? lf : limit;
            if (end > position) {
                length += end - position;
                lastWasCr = buffer[end - 1] == CR;
            }
            position = lf >= 0 ? lf + 1 : limit;
            if (lf >= 0 || endOfStream) {
                break;
            }
            compact();
            readMore();
        }
        oversizedLength = lastWasCr ? length - 1 : length;
    }

    /** Moves unread bytes to the front of the buffer to make room for the next read. */
    private void compact() {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
    }

    private void readMore() throws IOException {
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            endOfStream = true;
        } else {
            limit += read;
        }
    }

    private int indexOfLf(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == LF) {
                return i;
            }
        }
        return -1;
    }
}
