package fr.relais.rpps.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.relais.rpps.store.RppsTables;

/** The import history table. */
public final class ImportRuns {

    private static final int TEXT_LIMIT = 4000;
    private static final String COLUMNS = "ID, STATUS, TRIGGER_KIND, TRIGGERED_BY, NODE, SOURCE, FILE_NAME, FILE_DATE, "
            + "SOURCE_VERSION, FORCED, STARTED_AT, FINISHED_AT, DURATION_MS, PREVIOUS_COUNT, PROFESSIONALS, ACTIVITIES, "
            + "NEW_COUNT, CHANGED_COUNT, GONE_COUNT, REJECTED_COUNT, OUT_OF_SCOPE_COUNT, MESSAGE, REPORT";

    private final RppsTables tables;

    public ImportRuns(RppsTables tables) {
        this.tables = tables;
    }

    /** Writes a complete row: a run that starts, or one that ends as soon as it starts (skipped). */
    void insert(Connection connection, ImportRun run) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + tables.importRun() + " ("
                + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 0;
            insert.setString(++i, run.id());
            insert.setString(++i, run.status().name());
            insert.setString(++i, run.trigger().name());
            setText(insert, ++i, run.triggeredBy(), 255);
            setText(insert, ++i, run.node(), 255);
            setText(insert, ++i, run.source(), 1024);
            setText(insert, ++i, run.fileName(), 255);
            setLong(insert, ++i, run.fileDate());
            setText(insert, ++i, run.sourceVersion(), 512);
            insert.setBoolean(++i, run.forced());
            insert.setLong(++i, run.startedAt());
            setLong(insert, ++i, run.finishedAt());
            setLong(insert, ++i, run.durationMs());
            setLong(insert, ++i, run.previousCount());
            setLong(insert, ++i, run.professionals());
            setLong(insert, ++i, run.activities());
            setLong(insert, ++i, run.newCount());
            setLong(insert, ++i, run.changedCount());
            setLong(insert, ++i, run.goneCount());
            setLong(insert, ++i, run.rejectedCount());
            setLong(insert, ++i, run.outOfScopeCount());
            setText(insert, ++i, run.message(), TEXT_LIMIT);
            setText(insert, ++i, run.report(), TEXT_LIMIT);
            insert.executeUpdate();
        }
    }

    /** Records how a run ended: everything that is only known once it has read or applied the file. */
    void finish(Connection connection, ImportRun run) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + tables.importRun()
                + " SET STATUS = ?, FILE_NAME = ?, FILE_DATE = ?, FINISHED_AT = ?, DURATION_MS = ?, PREVIOUS_COUNT = ?,"
                + " PROFESSIONALS = ?, ACTIVITIES = ?, NEW_COUNT = ?, CHANGED_COUNT = ?, GONE_COUNT = ?,"
                + " REJECTED_COUNT = ?, OUT_OF_SCOPE_COUNT = ?, MESSAGE = ?, REPORT = ? WHERE ID = ?")) {
            int i = 0;
            update.setString(++i, run.status().name());
            setText(update, ++i, run.fileName(), 255);
            setLong(update, ++i, run.fileDate());
            setLong(update, ++i, run.finishedAt());
            setLong(update, ++i, run.durationMs());
            setLong(update, ++i, run.previousCount());
            setLong(update, ++i, run.professionals());
            setLong(update, ++i, run.activities());
            setLong(update, ++i, run.newCount());
            setLong(update, ++i, run.changedCount());
            setLong(update, ++i, run.goneCount());
            setLong(update, ++i, run.rejectedCount());
            setLong(update, ++i, run.outOfScopeCount());
            setText(update, ++i, run.message(), TEXT_LIMIT);
            setText(update, ++i, run.report(), TEXT_LIMIT);
            update.setString(++i, run.id());
            update.executeUpdate();
        }
    }

    /** Runs left RUNNING by a node that stopped mid-import; called once the lock is taken over. */
    int markInterrupted(Connection connection, long now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + tables.importRun()
                + " SET STATUS = ?, FINISHED_AT = ?, MESSAGE = ? WHERE STATUS = ?")) {
            update.setString(1, ImportStatus.FAILED.name());
            update.setLong(2, now);
            update.setString(3, "Interrompu : le nœud qui importait s'est arrêté. L'annuaire précédent est resté en place.");
            update.setString(4, ImportStatus.RUNNING.name());
            return update.executeUpdate();
        }
    }

    public List<ImportRun> latest(Connection connection, int limit) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM "
                + tables.importRun() + " ORDER BY STARTED_AT DESC, ID")) {
            query.setMaxRows(limit);
            try (ResultSet rows = query.executeQuery()) {
                List<ImportRun> runs = new ArrayList<>();
                while (rows.next()) {
                    runs.add(read(rows));
                }
                return runs;
            }
        }
    }

    public Optional<ImportRun> find(Connection connection, String id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM "
                + tables.importRun() + " WHERE ID = ?")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    public Optional<ImportRun> lastSucceeded(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM "
                + tables.importRun() + " WHERE STATUS = ? ORDER BY STARTED_AT DESC, ID")) {
            query.setString(1, ImportStatus.SUCCEEDED.name());
            query.setMaxRows(1);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /** The version of the file last imported successfully from that source, to skip it when unchanged. */
    public Optional<String> lastImportedVersion(Connection connection, String source) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT SOURCE_VERSION FROM "
                + tables.importRun() + " WHERE STATUS = ? AND SOURCE = ? ORDER BY STARTED_AT DESC, ID")) {
            query.setString(1, ImportStatus.SUCCEEDED.name());
            query.setString(2, truncate(source, 1024));
            query.setMaxRows(1);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        }
    }

    private static ImportRun read(ResultSet rows) throws SQLException {
        return new ImportRun(
                rows.getString("ID"),
                ImportStatus.valueOf(rows.getString("STATUS")),
                ImportTrigger.valueOf(rows.getString("TRIGGER_KIND")),
                rows.getString("TRIGGERED_BY"),
                rows.getString("NODE"),
                rows.getString("SOURCE"),
                rows.getString("FILE_NAME"),
                getLong(rows, "FILE_DATE"),
                rows.getString("SOURCE_VERSION"),
                rows.getBoolean("FORCED"),
                rows.getLong("STARTED_AT"),
                getLong(rows, "FINISHED_AT"),
                getLong(rows, "DURATION_MS"),
                getLong(rows, "PREVIOUS_COUNT"),
                getLong(rows, "PROFESSIONALS"),
                getLong(rows, "ACTIVITIES"),
                getLong(rows, "NEW_COUNT"),
                getLong(rows, "CHANGED_COUNT"),
                getLong(rows, "GONE_COUNT"),
                getLong(rows, "REJECTED_COUNT"),
                getLong(rows, "OUT_OF_SCOPE_COUNT"),
                rows.getString("MESSAGE"),
                rows.getString("REPORT"));
    }

    private static Long getLong(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static void setText(PreparedStatement statement, int index, String value, int limit) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, truncate(value, limit));
        }
    }

    static String truncate(String value, int limit) {
        return value == null || value.length() <= limit ? value : value.substring(0, limit - 1) + "…";
    }
}
