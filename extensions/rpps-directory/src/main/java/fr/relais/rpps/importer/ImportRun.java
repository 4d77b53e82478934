package fr.relais.rpps.importer;

/**
 * One row of {@code RELAIS_RPPS_IMPORT}. Times are epoch milliseconds; counts are {@code null} for the
 * steps a run did not reach.
 *
 * @param fileDate       the extraction's own timestamp (file name), else the source's modification date
 * @param sourceVersion  what identifies the file at its source (ETag, Last-Modified, name/size/date),
 *                       compared to skip an unchanged source
 * @param previousCount  professionals in the directory when the run started to apply
 * @param rejectedCount  lines the reader rejected (counted and sampled in {@link #report()})
 * @param message        what happened, in French, for operators
 * @param report         the reader's per-file accounting
 */
public record ImportRun(
        String id,
        ImportStatus status,
        ImportTrigger trigger,
        String triggeredBy,
        String node,
        String source,
        String fileName,
        Long fileDate,
        String sourceVersion,
        boolean forced,
        long startedAt,
        Long finishedAt,
        Long durationMs,
        Long previousCount,
        Long professionals,
        Long activities,
        Long newCount,
        Long changedCount,
        Long goneCount,
        Long rejectedCount,
        Long outOfScopeCount,
        String message,
        String report) {
}
