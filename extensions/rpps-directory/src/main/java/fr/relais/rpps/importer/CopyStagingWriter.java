package fr.relais.rpps.importer;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.StringJoiner;

import fr.relais.rpps.store.RppsTables;

/**
 * Rows in PostgreSQL's COPY text format (tab between fields, newline after each row, {@code \N} for
 * null, backslash escapes), encoded to UTF-8 into a buffer and sent one chunk per COPY command.
 *
 * <p>Chunks rather than one endless COPY, because on a small appliance the import shares two cores with
 * the logins: streaming keeps this thread and the database backend busy at the same time, both cores
 * full, and a login waits for one. A chunk is encoded while the backend idles, then loaded while this
 * thread waits for it: the import never holds more than one core, at a small cost in duration.
 */
final class CopyStagingWriter implements StagingWriter {

    /** A few thousand rows: large enough that the per-COPY cost vanishes, small enough to stay cheap in heap. */
    static final int CHUNK_BYTES = 2 * 1024 * 1024;
    /** Room for one UTF-8 encoded, escaped character. */
    private static final int MARGIN = 8;

    private final PostgresCopy.Opener copies;
    private byte[] buffer = new byte[CHUNK_BYTES + 64 * 1024];
    private int length;
    private long chunks;

    CopyStagingWriter(PostgresCopy.Opener copies) {
        this.copies = copies;
    }

    static String copySql(RppsTables tables) {
        StringJoiner columns = new StringJoiner(", ", "(", ")");
        for (StagingColumn column : StagingColumn.values()) {
            columns.add(column.name());
        }
        return "COPY " + tables.staging() + " " + columns + " FROM STDIN";
    }

    @Override
    public String method() {
        return "PostgreSQL COPY";
    }

    @Override
    public void write(StagingRow row) throws SQLException {
        int count = StagingColumn.count();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                put((byte) '\t');
            }
            String value = row.get(i);
            if (value == null) {
                put((byte) '\\');
                put((byte) 'N');
            } else {
                encode(value);
            }
        }
        put((byte) '\n');
        if (length >= CHUNK_BYTES) {
            send();
        }
    }

    @Override
    public void finish() throws SQLException {
        send();
    }

    /** Each chunk is complete once sent; an abandoned load is undone by the transaction's rollback. */
    @Override
    public void close() {
    }

    long chunks() {
        return chunks;
    }

    private void send() throws SQLException {
        if (length == 0) {
            return;
        }
        PostgresCopy.CopyOut copy = copies.open();
        try {
            copy.write(buffer, length);
            copy.end();
        } catch (SQLException | RuntimeException e) {
            copy.cancel();
            throw e;
        }
        length = 0;
        chunks++;
    }

    private void encode(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (length > buffer.length - MARGIN) {
                // Only a single huge row gets here: rows are capped well below the chunk margin by the reader.
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            switch (c) {
                case '\\' -> escaped('\\');
                case '\t' -> escaped('t');
                case '\n' -> escaped('n');
                case '\r' -> escaped('r');
                default -> {
                    if (c < 0x80) {
                        buffer[length++] = (byte) c;
                    } else if (c < 0x800) {
                        buffer[length++] = (byte) (0xc0 | (c >> 6));
                        buffer[length++] = (byte) (0x80 | (c & 0x3f));
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        int cp = Character.toCodePoint(c, value.charAt(++i));
                        buffer[length++] = (byte) (0xf0 | (cp >> 18));
                        buffer[length++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                        buffer[length++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                        buffer[length++] = (byte) (0x80 | (cp & 0x3f));
                    } else if (Character.isSurrogate(c)) {
                        buffer[length++] = (byte) '?';  // a lone surrogate is not valid UTF-8
                    } else {
                        buffer[length++] = (byte) (0xe0 | (c >> 12));
                        buffer[length++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                        buffer[length++] = (byte) (0x80 | (c & 0x3f));
                    }
                }
            }
        }
    }

    private void escaped(char c) {
        buffer[length++] = '\\';
        buffer[length++] = (byte) c;
    }

    private void put(byte b) {
        if (length >= buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        buffer[length++] = b;
    }
}
