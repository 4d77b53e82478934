package fr.relais.rpps.importer;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

import org.jboss.logging.Logger;

import fr.relais.rpps.extraction.BadLine;
import fr.relais.rpps.extraction.ExtractionFileKind;
import fr.relais.rpps.extraction.ExtractionReport;
import fr.relais.rpps.extraction.FileReport;
import fr.relais.rpps.extraction.RppsExtractionReader;
import fr.relais.rpps.store.Dialect;
import fr.relais.rpps.store.RppsTables;
import fr.relais.rpps.store.Transactions;

/**
 * Runs one import, in four transactions so that each step either happens entirely or not at all:
 * <ol>
 *   <li>take the cluster-wide lock and record the run as RUNNING (visible to every node at once);</li>
 *   <li>stream the extraction into the staging table (the live tables are not touched);</li>
 *   <li>check the staged data against the live directory, then apply the difference and record the
 *       outcome, all in one transaction: a failure leaves the previous directory exactly as it was;</li>
 *   <li>whatever happened, empty the work tables and release the lock.</li>
 * </ol>
 * Memory does not depend on the file size: the reader streams, the staging writer sends as it goes,
 * and the comparison happens in the database.
 */
public final class ImportJob {

    private static final Logger LOG = Logger.getLogger(ImportJob.class);
    /** ANS stamps file names with French local time. */
    private static final ZoneId EXTRACTION_ZONE = ZoneId.of("Europe/Paris");
    private static final int SAMPLED_BAD_LINES_IN_REPORT = 10;

    private static final Runnable NOTHING = () -> { };

    private final Transactions transactions;
    private final RppsTables tables;
    private final ImportSettings settings;
    private final Clock clock;
    private final String node;
    private final ImportRuns runs;
    private final ImportLock lock;
    private final DirectorySwap swap;
    private final ImportGuard guard;
    private final Runnable directoryChanged;

    public ImportJob(Transactions transactions, RppsTables tables, ImportSettings settings, Clock clock, String node) {
        this(transactions, tables, settings, clock, node, NOTHING, DirectorySwap.Checkpoint.NONE);
    }

    /**
     * @param directoryChanged run as soon as an import that changed the live directory has committed, before
     *                         its clean-up: what caches the previous directory must let go of it then
     */
    public ImportJob(Transactions transactions, RppsTables tables, ImportSettings settings, Clock clock, String node,
                     Runnable directoryChanged) {
        this(transactions, tables, settings, clock, node, directoryChanged, DirectorySwap.Checkpoint.NONE);
    }

    ImportJob(Transactions transactions, RppsTables tables, ImportSettings settings, Clock clock, String node,
              DirectorySwap.Checkpoint checkpoint) {
        this(transactions, tables, settings, clock, node, NOTHING, checkpoint);
    }

    private ImportJob(Transactions transactions, RppsTables tables, ImportSettings settings, Clock clock, String node,
                      Runnable directoryChanged, DirectorySwap.Checkpoint checkpoint) {
        this.directoryChanged = directoryChanged;
        this.transactions = transactions;
        this.tables = tables;
        this.settings = settings;
        this.clock = clock;
        this.node = node;
        this.runs = new ImportRuns(tables);
        this.lock = new ImportLock(tables);
        this.swap = new DirectorySwap(tables, checkpoint);
        this.guard = new ImportGuard(settings);
    }

    /** What the staging step learnt from the file. */
    private record Loaded(ExtractionReport report, long professionals, long activities, long outOfScope,
                          long truncatedValues, String method, long loadMillis) {
    }

    /**
     * @return the finished run: SUCCEEDED, REFUSED or FAILED, as recorded
     * @throws ImportBusyException when another import is running (nothing is recorded then)
     */
    public ImportRun run(ImportRequest request) throws ImportBusyException {
        String id = UUID.randomUUID().toString();
        long startedAt = clock.millis();
        ImportRun running = new ImportRun(id, ImportStatus.RUNNING, request.trigger(), request.triggeredBy(), node,
                request.source(), fileName(request.files().get(0)), request.sourceDate(), request.sourceVersion(),
                request.forced(), startedAt, null, null, null, null, null, null, null, null, null, null,
                "Import en cours (" + settings.scope().describe() + ").", null);

        if (!begin(running)) {
            throw new ImportBusyException();
        }
        LOG.infof("RPPS import %s started from %s (%s, forced=%s, scope: %s)", id, request.source(),
                request.trigger(), request.forced(), settings.scope().describe());

        ImportRun finished = null;
        try {
            Loaded loaded = transactions.inTransaction(connection -> load(connection, request));
            finished = transactions.inTransaction(connection -> check(connection, running, loaded));
            if (changedLive(finished)) {
                announceChange(id);
            }
        } catch (Exception e) {
            finished = failed(running, e);
            recordFailure(finished);
        } finally {
            end(id, startedAt);
        }
        LOG.infof("RPPS import %s: %s in %d ms. %s", id, finished.status(), finished.durationMs(), finished.message());
        return finished;
    }

    /** Records a source check that found nothing new: operators see the daily check happened. */
    public ImportRun recordSkipped(String source, ImportTrigger trigger, String triggeredBy, String message)
            throws Exception {
        long now = clock.millis();
        ImportRun skipped = new ImportRun(UUID.randomUUID().toString(), ImportStatus.SKIPPED, trigger, triggeredBy,
                node, source, null, null, null, false, now, now, 0L, null, null, null, null, null, null, null, null,
                message, null);
        transactions.inTransaction(connection -> {
            runs.insert(connection, skipped);
            return null;
        });
        return skipped;
    }

    private boolean begin(ImportRun running) throws ImportBusyException {
        try {
            return transactions.inTransaction(connection -> {
                long staleBefore = running.startedAt() - settings.lockStaleAfter().toMillis();
                if (!lock.tryAcquire(connection, running.id(), running.startedAt(), staleBefore)) {
                    return false;
                }
                // Holding the lock, any run still marked RUNNING belongs to a node that died.
                runs.markInterrupted(connection, running.startedAt());
                runs.insert(connection, running);
                return true;
            });
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the RPPS import: " + e.getMessage(), e);
        }
    }

    private Loaded load(Connection connection, ImportRequest request) throws Exception {
        long start = clock.millis();
        Dialect dialect = Dialect.of(connection);
        swap.clearWorkTables(connection, dialect);
        try (StagingWriter writer = StagingWriter.open(connection, dialect, tables)) {
            StagingLoader loader = new StagingLoader(writer, settings.scope(), dialect.maxProfessionals());
            ExtractionReport report;
            try {
                report = new RppsExtractionReader().read(request.files(), loader);
            } catch (StagingLoader.LoadFailure failure) {
                throw (Exception) failure.getCause();
            }
            writer.finish();
            swap.analyzeStaging(connection, dialect);
            return new Loaded(report, loader.professionals(), loader.activities(), loader.outOfScope(),
                    loader.truncatedValues(), writer.method(), clock.millis() - start);
        }
    }

    private ImportRun check(Connection connection, ImportRun running, Loaded loaded) throws Exception {
        long start = clock.millis();
        long previous = swap.liveCount(connection);
        long duplicates = swap.mergeDuplicates(connection);
        long staged = loaded.professionals() - duplicates;
        ExtractionReport report = loaded.report();
        FileReport personneActivite = report.files().stream()
                .filter(f -> f.kind() == ExtractionFileKind.PERSONNE_ACTIVITE).findFirst().orElse(null);
        String fileName = personneActivite != null ? personneActivite.name() : running.fileName();
        Long fileDate = personneActivite != null && personneActivite.extractedAt() != null
                ? toEpochMillis(personneActivite.extractedAt()) : running.fileDate();

        ImportGuard.Decision decision = guard.check(previous, staged, dataLines(report), report.badLines(),
                running.forced());
        long now = clock.millis();
        if (!decision.accepted()) {
            ImportRun refused = new ImportRun(running.id(), ImportStatus.REFUSED, running.trigger(),
                    running.triggeredBy(), node, running.source(), fileName, fileDate, running.sourceVersion(),
                    running.forced(), running.startedAt(), now, now - running.startedAt(), previous, staged,
                    loaded.activities(), null, null, null, report.badLines(), loaded.outOfScope(), decision.message(),
                    reportText(loaded, duplicates, clock.millis() - start, null));
            runs.finish(connection, refused);
            return refused;
        }

        Dialect dialect = Dialect.of(connection);
        DirectorySwap.Counts counts = swap.apply(connection, dialect, running.id(), now, previous, staged);
        long linksChecked = swap.markLinksChecked(connection, now);
        if (counts.changedAnything()) {
            swap.analyzeLive(connection, dialect);
        }
        long finishedAt = clock.millis();
        ImportRun succeeded = new ImportRun(running.id(), ImportStatus.SUCCEEDED, running.trigger(),
                running.triggeredBy(), node, running.source(), fileName, fileDate, running.sourceVersion(),
                running.forced(), running.startedAt(), finishedAt, finishedAt - running.startedAt(), previous, staged,
                loaded.activities(), counts.newCount(), counts.changedCount(), counts.goneCount(), report.badLines(),
                loaded.outOfScope(), successMessage(staged, counts, report.badLines(), running.forced()),
                reportText(loaded, duplicates, finishedAt - start, linksChecked));
        runs.finish(connection, succeeded);
        return succeeded;
    }

    private ImportRun failed(ImportRun running, Exception e) {
        long now = clock.millis();
        LOG.errorf(e, "RPPS import %s failed; the previous directory stays in place", running.id());
        String cause = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return new ImportRun(running.id(), ImportStatus.FAILED, running.trigger(), running.triggeredBy(), node,
                running.source(), running.fileName(), running.fileDate(), running.sourceVersion(), running.forced(),
                running.startedAt(), now, now - running.startedAt(), null, null, null, null, null, null, null, null,
                "Échec de l'import, l'annuaire précédent est conservé : " + cause, null);
    }

    private void recordFailure(ImportRun failed) {
        try {
            transactions.inTransaction(connection -> {
                runs.finish(connection, failed);
                return null;
            });
        } catch (Exception e) {
            LOG.errorf(e, "Could not record the failure of RPPS import %s", failed.id());
        }
    }

    /** The swap is committed whatever happens here: a failure is logged, never turned into a failed import. */
    private void announceChange(String id) {
        try {
            directoryChanged.run();
        } catch (RuntimeException e) {
            LOG.errorf(e, "RPPS import %s is committed, but the caches of the previous directory could not be emptied;"
                    + " they serve it until their time to live ends", id);
        }
    }

    private static boolean changedLive(ImportRun run) {
        return run.status() == ImportStatus.SUCCEEDED
                && run.newCount() + run.changedCount() + run.goneCount() > 0;
    }

    /** Separate steps: a failed cleanup must not keep the lock, a failed unlock must not hide the result. */
    private void end(String id, long startedAt) {
        try {
            transactions.inTransaction(connection -> {
                swap.cleanup(connection, Dialect.of(connection), startedAt - settings.changeRetention().toMillis());
                return null;
            });
        } catch (Exception e) {
            LOG.warnf(e, "RPPS import %s: could not empty the work tables; the next import will", id);
        }
        try {
            transactions.inTransaction(connection -> {
                lock.release(connection, id);
                return null;
            });
        } catch (Exception e) {
            LOG.errorf(e, "RPPS import %s: could not release the import lock; it expires after %s", id,
                    settings.lockStaleAfter());
        }
    }

    private static String successMessage(long staged, DirectorySwap.Counts counts, long rejected, boolean forced) {
        return String.format(Locale.FRANCE, "Import réussi%s : %d professionnels, %d nouveaux, %d modifiés, "
                        + "%d disparus, %d lignes rejetées.", forced ? " (forcé)" : "", staged, counts.newCount(),
                counts.changedCount(), counts.goneCount(), rejected);
    }

    /** @param linksChecked accounts whose RPPS link the import re-checked; {@code null} when nothing was applied */
    private String reportText(Loaded loaded, long duplicates, long applyMillis, Long linksChecked) {
        ExtractionReport report = loaded.report();
        StringBuilder text = new StringBuilder(report.summary());
        text.append("; loaded with ").append(loaded.method()).append(" in ").append(loaded.loadMillis())
                .append(" ms, checked and applied in ").append(applyMillis).append(" ms")
                .append("; scope: ").append(settings.scope().describe())
                .append(", out of scope: ").append(loaded.outOfScope());
        if (duplicates > 0) {
            text.append("; professionals listed in several places, merged: ").append(duplicates);
        }
        if (linksChecked != null) {
            text.append("; account links re-checked: ").append(linksChecked);
        }
        if (loaded.truncatedValues() > 0) {
            text.append("; values cut to their column size: ").append(loaded.truncatedValues());
        }
        int sampled = 0;
        for (FileReport file : report.files()) {
            for (BadLine bad : file.badLineSamples()) {
                if (sampled++ == SAMPLED_BAD_LINES_IN_REPORT) {
                    return text.toString();
                }
                text.append("\n").append(file.name()).append(" line ").append(bad.lineNumber()).append(": ")
                        .append(bad.reason()).append(" (").append(bad.detail()).append(")");
            }
        }
        return text.toString();
    }

    /** Data lines the reader saw in all files, the header lines excluded. */
    private static long dataLines(ExtractionReport report) {
        return report.files().stream().mapToLong(f -> Math.max(0, f.lines() - 1)).sum();
    }

    private static long toEpochMillis(LocalDateTime extractedAt) {
        return extractedAt.atZone(EXTRACTION_ZONE).toInstant().toEpochMilli();
    }

    private static String fileName(Path path) {
        return String.valueOf(path.getFileName());
    }
}
