package fr.relais.rpps.extraction;

import java.io.Reader;
import java.util.Arrays;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.RecordWrapper;

/**
 * Splits decoded lines on {@code |} with FastCSV: the header alone, then the data lines of a whole file
 * through one reader.
 *
 * <p>The extractions never quote values, and a {@code "} inside a name or an address is an ordinary
 * character. FastCSV 3 cannot switch quoting off, so the quote character is set to NUL, which
 * {@link LineDecoder#hasControlCharacters} guarantees no line reaching here contains: the parser never
 * enters quoted mode, never merges lines and never drops a quote.
 *
 * <p>FastCSV gets only lines already judged one by one ({@link CheckedLines}), because the reader must
 * judge encoding, garbage and length per line, and FastCSV aborts the whole read on an oversized record.
 * For the same reason FastCSV's own limits on fields per record do not apply here: a checked line of n
 * characters has at most n + 1 fields. The fields' Strings come from {@link FieldStrings}, shared when a
 * column repeats a value.
 */
final class FieldSplitter {

    private static final char NEVER_PRESENT = '\0';

    private final CsvReader.CsvReaderBuilder builder = CsvReader.builder()
            .fieldSeparator('|')
            .quoteCharacter(NEVER_PRESENT)
            .commentStrategy(CommentStrategy.NONE)
            .skipEmptyLines(false)
            .ignoreDifferentFieldCount(true);

    String[] split(String line) {
        return builder.build(new SharedStringsHandler(), line).iterator().next();
    }

    /** One record per line of {@code lines}, in order; the caller closes it. */
    CloseableIterator<String[]> records(Reader lines) {
        return builder.build(new SharedStringsHandler(), lines).iterator();
    }

    /** A record's fields as a String array, like FastCSV's own handler; one handler serves a single reader. */
    private static final class SharedStringsHandler extends AbstractBaseCsvCallbackHandler<String[]> {

        private final FieldStrings strings = new FieldStrings();
        private String[] fields = new String[64];

        @Override
        protected void handleField(int index, char[] buffer, int offset, int length, boolean quoted) {
            if (index >= fields.length) {
                fields = Arrays.copyOf(fields, Math.max(index + 1, fields.length * 2));
            }
            fields[index] = strings.of(index, buffer, offset, length);
        }

        @Override
        protected RecordWrapper<String[]> buildRecord() {
            return wrapRecord(Arrays.copyOf(fields, getFieldCount()));
        }
    }
}
