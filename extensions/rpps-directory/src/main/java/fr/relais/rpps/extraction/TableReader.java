package fr.relais.rpps.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import de.siegmar.fastcsv.reader.CloseableIterator;

/**
 * Reads one {@code |}-separated file line by line: header first, then each data line is checked,
 * split and handed to a {@link RowSink}, or counted as bad. Nothing but the current line (and the
 * parser's own buffer) is held.
 */
final class TableReader {

    private final ReadOptions options;
    private final FieldSplitter splitter;

    TableReader(ReadOptions options) {
        this.options = options;
        this.splitter = new FieldSplitter(options.maxLineBytes());
    }

    <E extends Enum<E> & Column> FileReport read(String fileName, ExtractionFileKind kind, InputStream in,
            Class<E> columnType, RowSink<E> sink) throws IOException, ExtractionException {
        FileStats stats = new FileStats(fileName, kind, options.badLineSamples());
        ByteLineReader lines = new ByteLineReader(in, options.maxLineBytes());
        EncodingDetector.Encoding encoding = EncodingDetector.detect(lines, fileName);
        stats.encoding(encoding.charset().name(), encoding.byteOrderMark());
        LineDecoder decoder = new LineDecoder(encoding.charset());

        Header<E> header = readHeader(fileName, lines, decoder, columnType);
        stats.lineRead();
        stats.header(header.size(), header.unmappedColumns());

        CheckedLines checked = new CheckedLines(lines, decoder, stats, options.maxLineBytes());
        try (CloseableIterator<String[]> records = splitter.records(checked)) {
            String[] fields;
            while ((fields = next(records)) != null) {
                CheckedLines.Line line = checked.take();
                Rejection rejection = readRecord(fields, header, sink);
                if (rejection == null) {
                    stats.accepted();
                } else {
                    stats.rejected(line.number(), rejection.reason(), rejection.detail(),
                            stats.wantsSample() ? decoder.excerpt(line.text()) : null);
                }
            }
        }
        return stats.report();
    }

    /** The next record, or {@code null} at the end; a failure of the stream below FastCSV comes out as itself. */
    private static String[] next(CloseableIterator<String[]> records) throws IOException {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            throw e.getCause();  // FastCSV wraps the failures of the stream it reads
        }
    }

    private <E extends Enum<E> & Column> Header<E> readHeader(String fileName, ByteLineReader lines,
            LineDecoder decoder, Class<E> columnType) throws IOException, ExtractionException {
        if (!lines.next()) {
            throw new ExtractionException(ExtractionException.Kind.EMPTY_FILE, fileName + " is empty: no header line");
        }
        String text = lines.tooLong()
                || LineDecoder.hasControlCharacters(lines.lineBytes(), lines.lineStart(), lines.lineLength())
                ? null : decoder.decode(lines.lineBytes(), lines.lineStart(), lines.lineLength());
        if (text == null) {
            throw new ExtractionException(ExtractionException.Kind.UNSUPPORTED_ENCODING,
                    fileName + ": the header line is not " + decoder.charset().name() + " text");
        }
        if (text.isEmpty()) {
            throw new ExtractionException(ExtractionException.Kind.EMPTY_FILE,
                    fileName + ": the first line is empty, where the header is expected");
        }
        return Header.of(fileName, splitter.split(text), columnType);
    }

    private <E extends Enum<E> & Column> Rejection readRecord(String[] fields, Header<E> header, RowSink<E> sink) {
        if (!header.fits(fields)) {
            int values = header.valueCount(fields);
            return new Rejection(BadLineReason.FIELD_COUNT, values == header.size()
                    ? "no trailing | after the last value, unlike the header"
                    : "expected " + header.size() + " values, found " + values);
        }
        return sink.accept(new Row<>(header, fields));
    }
}
