package fr.relais.rpps.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.StringJoiner;

import fr.relais.rpps.store.RppsTables;

/** Batched INSERTs: the portable path (H2, and PostgreSQL when the COPY API is out of reach). */
final class BatchStagingWriter implements StagingWriter {

    /** Large enough to amortise round trips, small enough to keep a batch's memory negligible. */
    private static final int BATCH_SIZE = 500;

    private final PreparedStatement insert;
    private int pending;

    BatchStagingWriter(Connection connection, RppsTables tables) throws SQLException {
        StringJoiner columns = new StringJoiner(", ", "(", ")");
        StringJoiner marks = new StringJoiner(", ", "(", ")");
        for (StagingColumn column : StagingColumn.values()) {
            columns.add(column.name());
            marks.add("?");
        }
        insert = connection.prepareStatement("INSERT INTO " + tables.staging() + " " + columns + " VALUES " + marks);
    }

    @Override
    public String method() {
        return "batched INSERT";
    }

    @Override
    public void write(StagingRow row) throws SQLException {
        int count = StagingColumn.count();
        for (int i = 0; i < count; i++) {
            String value = row.get(i);
            StagingColumn column = StagingColumn.at(i);
            if (column.numeric()) {
                if (value == null) {
                    insert.setNull(i + 1, Types.BIGINT);
                } else {
                    insert.setLong(i + 1, Long.parseLong(value));
                }
            } else if (value == null) {
                insert.setNull(i + 1, Types.VARCHAR);
            } else {
                insert.setString(i + 1, value);
            }
        }
        insert.addBatch();
        if (++pending == BATCH_SIZE) {
            insert.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void finish() throws SQLException {
        if (pending > 0) {
            insert.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void close() {
        try {
            insert.close();
        } catch (SQLException ignored) {
            // Closing a statement of a transaction that is being rolled back: nothing left to release.
        }
    }
}
