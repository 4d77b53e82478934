package fr.relais.rpps.extraction;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Line accounting of one file while it is read; frozen into a {@link FileReport} at the end. */
final class FileStats {

    private static final Pattern NAME_TIMESTAMP = Pattern.compile("_(\\d{12})(?:\\.[A-Za-z]+)?$");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmm");

    private final String name;
    private final ExtractionFileKind kind;
    private final int sampleLimit;
    private final Map<BadLineReason, Long> badLineCounts = new EnumMap<>(BadLineReason.class);
    private final List<BadLine> samples = new ArrayList<>();
    private String charset;
    private boolean byteOrderMark;
    private int columns;
    private List<String> unmappedColumns = List.of();
    private long lines;
    private long acceptedRows;

    FileStats(String name, ExtractionFileKind kind, int sampleLimit) {
        this.name = name;
        this.kind = kind;
        this.sampleLimit = sampleLimit;
    }

    void encoding(String charsetName, boolean bom) {
        this.charset = charsetName;
        this.byteOrderMark = bom;
    }

    void header(int columnCount, List<String> unmapped) {
        this.columns = columnCount;
        this.unmappedColumns = unmapped;
    }

    void lineRead() {
        lines++;
    }

    void accepted() {
        acceptedRows++;
    }

    boolean wantsSample() {
        return samples.size() < sampleLimit;
    }

    /** The excerpt is only built for sampled lines: most bad lines of a broken file are just counted. */
    void rejected(long lineNumber, BadLineReason reason, String detail, String excerpt) {
        badLineCounts.merge(reason, 1L, Long::sum);
        if (wantsSample()) {
            samples.add(new BadLine(lineNumber, reason, detail, excerpt));
        }
    }

    FileReport report() {
        return new FileReport(name, kind, timestampOf(name), charset, byteOrderMark, columns, unmappedColumns,
                lines, acceptedRows, badLineCounts, samples);
    }

    private static LocalDateTime timestampOf(String fileName) {
        Matcher matcher = NAME_TIMESTAMP.matcher(fileName);
        if (!matcher.find()) {
            return null;
        }
        try {
            return LocalDateTime.parse(matcher.group(1), TIMESTAMP);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }
}
