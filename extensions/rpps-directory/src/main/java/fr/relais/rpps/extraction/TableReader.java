package fr.relais.rpps.extraction;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one {@code |}-separated file line by line: header first, then each data line is checked,
 * split and handed to a {@link RowSink}, or counted as bad. Nothing but the current line is held.
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

        while (lines.next()) {
            stats.lineRead();
            Rejection rejection = readLine(lines, decoder, header, sink);
            if (rejection == null) {
                stats.accepted();
            } else {
                stats.rejected(lines.lineNumber(), rejection.reason(), rejection.detail(),
                        stats.wantsSample() ? decoder.excerpt(lines.lineBytes(), lines.lineStart(), lines.lineLength())
                                : null);
            }
        }
        return stats.report();
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
        return Header.of(fileName, splitter.split(text), columnType);
    }

    private <E extends Enum<E> & Column> Rejection readLine(ByteLineReader lines, LineDecoder decoder,
            Header<E> header, RowSink<E> sink) {
        if (lines.tooLong()) {
            return new Rejection(BadLineReason.LINE_TOO_LONG, "line of " + lines.oversizedLength()
                    + " bytes, limit " + options.maxLineBytes());
        }
        byte[] bytes = lines.lineBytes();
        int start = lines.lineStart();
        int length = lines.lineLength();
        if (length == 0) {
            return new Rejection(BadLineReason.EMPTY_LINE, "empty line");
        }
        if (LineDecoder.hasControlCharacters(bytes, start, length)) {
            return new Rejection(BadLineReason.CONTROL_CHARACTERS, "control bytes in the line");
        }
        String text = decoder.decode(bytes, start, length);
        if (text == null) {
            return new Rejection(BadLineReason.ENCODING, "not valid UTF-8");
        }
        String[] fields = splitter.split(text);
        if (!header.fits(fields)) {
            int values = header.valueCount(fields);
            return new Rejection(BadLineReason.FIELD_COUNT, values == header.size()
                    ? "no trailing | after the last value, unlike the header"
                    : "expected " + header.size() + " values, found " + values);
        }
        return sink.accept(new Row<>(header, fields));
    }
}
