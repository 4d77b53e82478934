package fr.relais.rpps.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import fr.relais.rpps.store.Dialect;
import fr.relais.rpps.store.RppsTables;

/**
 * Applies the staged extraction to the live tables. Everything in {@link #apply} runs in the caller's
 * single transaction: readers (logins) see the previous directory until it commits, and a failure at any
 * statement rolls every statement back. Only what changed is rewritten, so a daily import touches a few
 * thousand rows, not the whole country.
 */
final class DirectorySwap {

    /** Lets tests stop the swap between two statements, as a crash or a constraint violation would. */
    @FunctionalInterface
    interface Checkpoint {
        Checkpoint NONE = step -> { };

        void reached(String step) throws SQLException;
    }

    record Counts(long newCount, long changedCount, long goneCount) {
        boolean changedAnything() {
            return newCount + changedCount + goneCount > 0;
        }
    }

    /** Marks a merged professional (see {@link #mergeDuplicates}); never equal to a computed hash. */
    static final String MERGED_HASH = "merged";

    /**
     * Staging rows (about 8 000 professionals with their activities) written before the live tables'
     * statistics are taken, when the directory held few of the file's professionals. Readers planned
     * their lookups against the small directory's statistics: PostgreSQL caches a generic plan per
     * prepared statement, here a sequential scan, and kept it while the swap wrote the country, so each
     * lookup read every uncommitted row and took the database's core from the swap. ANALYZE writes the row
     * and page counts in place, visible at once, and the plans built on the old ones are dropped. In the
     * RPPS import-load benchmark (first national import over the demo directory, Keycloak on PostgreSQL
     * 15), writing the file in one slice: 71.8 s, the directory query over JDBC p99 114 ms; in two: 50.2 s,
     * p99 4.4 ms.
     */
    static final long FIRST_SLICE_ROWS = 20_000;

    static final String NEW = "N";
    static final String CHANGED = "C";
    static final String GONE = "G";
    /** Unchanged, listed only when most of the file is new (see {@link #apply}). */
    static final String KEPT = "K";

    private final RppsTables tables;
    private final Checkpoint checkpoint;

    DirectorySwap(RppsTables tables, Checkpoint checkpoint) {
        this.tables = tables;
        this.checkpoint = checkpoint;
    }

    /** First thing in a transaction only (see {@link Dialect#empty}). */
    void clearWorkTables(Connection connection, Dialect dialect) throws SQLException {
        dialect.empty(connection, tables.staging());
        dialect.empty(connection, tables.diff());
    }

    long liveCount(Connection connection) throws SQLException {
        return count(connection, "SELECT COUNT(*) FROM " + tables.professional());
    }

    /**
     * The reader delivers one professional per run of consecutive lines; should the extraction list
     * someone in two separate places, staging holds two professional rows for one idNat_PS. The first
     * stays (its identity, with the activities of both runs) and is marked so that it is rewritten.
     *
     * @return how many duplicate professional rows were removed
     */
    long mergeDuplicates(Connection connection) throws SQLException {
        List<String> duplicated = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT ID_NAT FROM " + tables.staging() + " WHERE ROW_KIND = '"
                     + StagingColumn.PROFESSIONAL_ROW + "' GROUP BY ID_NAT HAVING COUNT(*) > 1")) {
            while (rows.next()) {
                duplicated.add(rows.getString(1));
            }
        }
        if (duplicated.isEmpty()) {
            return 0;
        }
        long removed = 0;
        String professionalRow = " WHERE ROW_KIND = '" + StagingColumn.PROFESSIONAL_ROW + "' AND ID_NAT = ?";
        try (PreparedStatement first = connection.prepareStatement(
                "SELECT MIN(ROW_NO) FROM " + tables.staging() + professionalRow);
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM " + tables.staging() + professionalRow + " AND ROW_NO > ?");
             PreparedStatement mark = connection.prepareStatement(
                     "UPDATE " + tables.staging() + " SET CONTENT_HASH = '" + MERGED_HASH + "'" + professionalRow)) {
            for (String idNat : duplicated) {
                first.setString(1, idNat);
                long keep;
                try (ResultSet rows = first.executeQuery()) {
                    rows.next();
                    keep = rows.getLong(1);
                }
                delete.setString(1, idNat);
                delete.setLong(2, keep);
                removed += delete.executeUpdate();
                mark.setString(1, idNat);
                mark.executeUpdate();
            }
        }
        return removed;
    }

    /**
     * Departures and changes are listed in the diff table (the change records are drawn from it) and their
     * rows deleted; then the new and changed professionals are written, in one of two ways:
     * <ul>
     *   <li>a daily import keeps most of the directory: the staged rows to write are picked by joining
     *   staging with the diff, which also lists the new professionals, a few thousand rows;</li>
     *   <li>a directory that holds fewer than half of the staged professionals (empty, the demo directory
     *   before the first national import, a département widened to the country) lists the professionals
     *   it keeps instead, and everything staged but them is written, through an anti-join with that short
     *   list. It reads staging in the file's order, which the index insertions depend on: joined with a
     *   diff of the whole country, the hash join came out in its batches' order and the two writes took
     *   34 s instead of 17 s on PostgreSQL (auto_explain in the standalone import benchmark), plus 3.4 s
     *   to list 740 000 new professionals; a daily import would pay as much to list the ones it keeps,
     *   whence the two ways. A first slice of the file is written and the live tables' statistics taken
     *   before the rest (see {@link #FIRST_SLICE_ROWS}).</li>
     * </ul>
     *
     * @param liveCount professionals in the directory before this import
     * @param staged    professionals in staging, duplicates merged
     */
    Counts apply(Connection connection, Dialect dialect, String runId, long now, long liveCount, long staged)
            throws SQLException {
        String professionalRows = tables.staging() + " s WHERE s.ROW_KIND = '" + StagingColumn.PROFESSIONAL_ROW + "'";
        String activityRows = tables.staging() + " s WHERE s.ROW_KIND = '" + StagingColumn.ACTIVITY_ROW + "'";
        boolean mostlyNew = liveCount < staged / 2;

        long gone = update(connection, "INSERT INTO " + tables.diff()
                + " (ID_NAT, CHANGE_KIND, OLD_PROFESSION, NEW_PROFESSION) SELECT p.ID_NAT, '" + GONE
                + "', p.PROFESSION_CODE, NULL FROM " + tables.professional() + " p WHERE NOT EXISTS (SELECT 1 FROM "
                + professionalRows + " AND s.ID_NAT = p.ID_NAT)");
        long changed = update(connection, "INSERT INTO " + tables.diff()
                + " (ID_NAT, CHANGE_KIND, OLD_PROFESSION, NEW_PROFESSION) SELECT s.ID_NAT, '" + CHANGED
                + "', p.PROFESSION_CODE, s.PROFESSION_CODE FROM " + tables.staging() + " s JOIN "
                + tables.professional() + " p ON p.ID_NAT = s.ID_NAT WHERE s.ROW_KIND = '"
                + StagingColumn.PROFESSIONAL_ROW + "' AND (s.CONTENT_HASH <> p.CONTENT_HASH OR s.CONTENT_HASH = '"
                + MERGED_HASH + "')");
        if (!mostlyNew) {
            update(connection, "INSERT INTO " + tables.diff()
                    + " (ID_NAT, CHANGE_KIND, OLD_PROFESSION, NEW_PROFESSION) SELECT s.ID_NAT, '" + NEW
                    + "', NULL, s.PROFESSION_CODE FROM " + professionalRows + " AND NOT EXISTS (SELECT 1 FROM "
                    + tables.professional() + " p WHERE p.ID_NAT = s.ID_NAT)");
        }
        checkpoint.reached("diff computed");

        String removedIds = "SELECT ID_NAT FROM " + tables.diff() + " WHERE CHANGE_KIND IN ('" + GONE + "', '" + CHANGED + "')";
        update(connection, "DELETE FROM " + tables.activity() + " WHERE ID_NAT IN (" + removedIds + ")");
        checkpoint.reached("activities deleted");
        update(connection, "DELETE FROM " + tables.professional() + " WHERE ID_NAT IN (" + removedIds + ")");
        checkpoint.reached("professionals deleted");

        long written;
        if (mostlyNew) {
            update(connection, "INSERT INTO " + tables.diff() + " (ID_NAT, CHANGE_KIND) SELECT ID_NAT, '" + KEPT
                    + "' FROM " + tables.professional());
            String notKept = " AND NOT EXISTS (SELECT 1 FROM " + tables.diff() + " d WHERE d.ID_NAT = s.ID_NAT"
                    + " AND d.CHANGE_KIND = '" + KEPT + "')";
            String firstSlice = " AND s.ROW_NO <= " + FIRST_SLICE_ROWS + notKept;
            String rest = " AND s.ROW_NO > " + FIRST_SLICE_ROWS + notKept;
            written = writeProfessionals(connection, now, professionalRows + firstSlice);
            writeActivities(connection, activityRows + firstSlice);
            analyzeLive(connection, dialect);
            checkpoint.reached("first slice written");
            written += writeProfessionals(connection, now, professionalRows + rest);
            checkpoint.reached("professionals inserted");
            writeActivities(connection, activityRows + rest);
        } else {
            String inDiff = " AND s.ID_NAT IN (SELECT ID_NAT FROM " + tables.diff() + " WHERE CHANGE_KIND IN ('" + NEW
                    + "', '" + CHANGED + "'))";
            written = writeProfessionals(connection, now, professionalRows + inDiff);
            checkpoint.reached("professionals inserted");
            writeActivities(connection, activityRows + inDiff);
        }
        checkpoint.reached("activities inserted");

        recordChanges(connection, runId, now);
        checkpoint.reached("changes recorded");
        // Either way the changed professionals are rewritten with the new ones.
        return new Counts(written - changed, changed, gone);
    }

    private long writeProfessionals(Connection connection, long now, String stagedRows) throws SQLException {
        return update(connection, "INSERT INTO " + tables.professional() + " (" + columns(StagingColumn.professionalColumns())
                + ", UPDATED_AT) SELECT " + prefixed(StagingColumn.professionalColumns()) + ", " + now + " FROM " + stagedRows);
    }

    private void writeActivities(Connection connection, String stagedRows) throws SQLException {
        update(connection, "INSERT INTO " + tables.activity() + " (" + columns(StagingColumn.activityColumns())
                + ") SELECT " + prefixed(StagingColumn.activityColumns()) + " FROM " + stagedRows);
    }

    /**
     * Re-checks the link of every account whose idNat_PS the directory now holds: the live tables are
     * this import's extraction, so finding the idNat_PS there is the check. Accounts whose idNat_PS is
     * absent keep their last date, and an idNat_PS no import ever held gets none.
     *
     * <p>Two statements whatever the size of the country or of the realm, joining Keycloak's indexed
     * {@code idnat_ps} attribute rows to the directory's primary key; run in the swap's transaction, so the
     * dates always describe the live directory.
     *
     * @return how many linked idNat_PS were re-checked
     */
    long markLinksChecked(Connection connection, long now) throws SQLException {
        String linkedPresent = " FROM " + tables.keycloak("USER_ATTRIBUTE") + " a JOIN " + tables.professional()
                + " p ON p.ID_NAT = a.VALUE WHERE a.NAME = ?";
        long checked;
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + tables.linkCheck()
                + " SET CHECKED_AT = ? WHERE ID_NAT IN (SELECT a.VALUE" + linkedPresent + ")");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + tables.linkCheck()
                     + " (ID_NAT, CHECKED_AT) SELECT DISTINCT a.VALUE, ?" + linkedPresent
                     + " AND NOT EXISTS (SELECT 1 FROM " + tables.linkCheck() + " c WHERE c.ID_NAT = a.VALUE)")) {
            update.setLong(1, now);
            update.setString(2, RppsTables.ID_NAT_ATTRIBUTE);
            checked = update.executeLargeUpdate();
            insert.setLong(1, now);
            insert.setString(2, RppsTables.ID_NAT_ATTRIBUTE);
            checked += insert.executeLargeUpdate();
        }
        checkpoint.reached("links checked");
        return checked;
    }

    /** Departures and profession changes, the two signs of a leaver the link-health report looks for. */
    private void recordChanges(Connection connection, String runId, long now) throws SQLException {
        String insert = "INSERT INTO " + tables.change()
                + " (RUN_ID, ID_NAT, CHANGE_KIND, OLD_PROFESSION, NEW_PROFESSION, CHANGED_AT) SELECT ?, ID_NAT, ?,"
                + " OLD_PROFESSION, NEW_PROFESSION, ? FROM " + tables.diff() + " WHERE ";
        try (PreparedStatement gone = connection.prepareStatement(insert + "CHANGE_KIND = '" + GONE + "'");
             PreparedStatement profession = connection.prepareStatement(insert + "CHANGE_KIND = '" + CHANGED
                     + "' AND (OLD_PROFESSION <> NEW_PROFESSION OR (OLD_PROFESSION IS NULL AND NEW_PROFESSION IS NOT NULL)"
                     + " OR (OLD_PROFESSION IS NOT NULL AND NEW_PROFESSION IS NULL))")) {
            gone.setString(1, runId);
            gone.setString(2, ChangeKind.GONE.name());
            gone.setLong(3, now);
            gone.executeUpdate();
            profession.setString(1, runId);
            profession.setString(2, ChangeKind.PROFESSION.name());
            profession.setLong(3, now);
            profession.executeUpdate();
        }
    }

    /**
     * Planner statistics of the live tables, taken in the swap's transaction after its last write: PostgreSQL
     * counts the rows this transaction wrote, so the statistics ({@code pg_statistic}, transactional) describe
     * the new directory and become visible with it at the commit; the user search's plans depend on them.
     * Taken after the commit instead, on the country the ANALYZE read tens of thousands of pages through
     * shared buffers the apply had just filled with dirty pages, and the logins whose caches the commit had
     * just emptied queued behind it (about 11 s on a first national import in the RPPS import-load benchmark,
     * logins down to 0.2/s). The row count in {@code pg_class} is written in place, not transactionally: a
     * swap rolled back after this leaves it describing the rolled-back rows until the next ANALYZE, which
     * keyed lookups do not mind.
     */
    void analyzeLive(Connection connection, Dialect dialect) throws SQLException {
        dialect.analyze(connection, tables.professional());
        dialect.analyze(connection, tables.activity());
    }

    /** After the swap committed (or failed), in a transaction of its own: work tables emptied, old change records dropped. */
    void cleanup(Connection connection, Dialect dialect, long changesBefore) throws SQLException {
        clearWorkTables(connection, dialect);
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM " + tables.change() + " WHERE CHANGED_AT < ?")) {
            delete.setLong(1, changesBefore);
            delete.executeUpdate();
        }
    }

    void analyzeStaging(Connection connection, Dialect dialect) throws SQLException {
        dialect.analyze(connection, tables.staging());
    }

    private static long update(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return statement.executeLargeUpdate(sql);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String columns(List<StagingColumn> columns) {
        return columns.stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    private static String prefixed(List<StagingColumn> columns) {
        return columns.stream().map(c -> "s." + c.name()).collect(Collectors.joining(", "));
    }
}
