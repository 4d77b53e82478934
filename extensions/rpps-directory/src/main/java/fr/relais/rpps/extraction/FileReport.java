package fr.relais.rpps.extraction;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * What happened to one file of the extraction.
 *
 * @param extractedAt    the timestamp in the file name ({@code …_202411280000.txt}), or {@code null}
 * @param charset        {@code UTF-8} or {@code ISO-8859-1}, as detected
 * @param columns        number of named header columns: 52 or 56 for the known Personne_activite layouts
 * @param unmappedColumns header columns the reader does not use; comparing them between imports shows
 *                        columns ANS added or renamed
 * @param lines          physical lines read, the header included
 * @param acceptedRows   data lines turned into records
 * @param badLineCounts  every rejected line is counted here, whether or not it was sampled
 */
public record FileReport(
        String name,
        ExtractionFileKind kind,
        LocalDateTime extractedAt,
        String charset,
        boolean byteOrderMark,
        int columns,
        List<String> unmappedColumns,
        long lines,
        long acceptedRows,
        Map<BadLineReason, Long> badLineCounts,
        List<BadLine> badLineSamples) {

    public FileReport {
        unmappedColumns = List.copyOf(unmappedColumns);
        badLineCounts = Map.copyOf(badLineCounts);
        badLineSamples = List.copyOf(badLineSamples);
    }

    public long badLines() {
        return badLineCounts.values().stream().mapToLong(Long::longValue).sum();
    }
}
