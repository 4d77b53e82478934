package fr.relais.rpps.extraction;

import java.io.Reader;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.StringArrayHandler;

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
 */
final class FieldSplitter {

    private static final char NEVER_PRESENT = '\0';

    private final CsvReader.CsvReaderBuilder builder = CsvReader.builder()
            .fieldSeparator('|')
            .quoteCharacter(NEVER_PRESENT)
            .commentStrategy(CommentStrategy.NONE)
            .skipEmptyLines(false)
            .ignoreDifferentFieldCount(true);
    private final int maxFields;

    /** @param maxLineLength longest line handed over; a line of n characters has at most n + 1 fields */
    FieldSplitter(int maxLineLength) {
        this.maxFields = maxLineLength + 1;
    }

    String[] split(String line) {
        return builder.build(handler(), line).iterator().next();
    }

    /** One record per line of {@code lines}, in order; the caller closes it. */
    CloseableIterator<String[]> records(Reader lines) {
        return builder.build(handler(), lines).iterator();
    }

    /** A handler serves a single reader. */
    private StringArrayHandler handler() {
        return StringArrayHandler.builder().maxFields(maxFields).build();
    }
}
