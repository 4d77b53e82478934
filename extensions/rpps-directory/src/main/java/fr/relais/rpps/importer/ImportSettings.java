package fr.relais.rpps.importer;

import java.time.Duration;

/**
 * Server-wide limits of the import.
 *
 * @param maxShrinkPercent    refuse, unless forced, an import with that many percent fewer professionals
 *                            than the live directory: the usual sign of a truncated download
 * @param maxRejectedPercent  refuse, unless forced, a file whose share of bad lines exceeds this
 * @param changeRetention     how long departures and profession changes are kept for the link-health report
 * @param lockStaleAfter      a lock older than this belongs to a node that died during an import
 */
public record ImportSettings(double maxShrinkPercent, double maxRejectedPercent, ImportScope scope,
                             Duration changeRetention, Duration lockStaleAfter) {

    public static final ImportSettings DEFAULTS = new ImportSettings(5, 1, ImportScope.WHOLE_COUNTRY,
            Duration.ofDays(400), Duration.ofHours(2));

    public ImportSettings {
        if (maxShrinkPercent < 0 || maxShrinkPercent > 100) {
            throw new IllegalArgumentException("maxShrinkPercent must be between 0 and 100, got " + maxShrinkPercent);
        }
        if (maxRejectedPercent < 0 || maxRejectedPercent > 100) {
            throw new IllegalArgumentException("maxRejectedPercent must be between 0 and 100, got " + maxRejectedPercent);
        }
    }

    public ImportSettings withScope(ImportScope newScope) {
        return new ImportSettings(maxShrinkPercent, maxRejectedPercent, newScope, changeRetention, lockStaleAfter);
    }
}
