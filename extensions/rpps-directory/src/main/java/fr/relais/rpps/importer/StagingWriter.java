package fr.relais.rpps.importer;

import java.sql.Connection;
import java.sql.SQLException;

import fr.relais.rpps.store.Dialect;
import fr.relais.rpps.store.RppsTables;

/** Streams rows into the staging table; nothing is held beyond one buffer or one JDBC batch. */
interface StagingWriter extends AutoCloseable {

    void write(StagingRow row) throws SQLException;

    /** How rows travel, for the import report (the two paths differ a lot in speed). */
    String method();

    /** Sends what is buffered; the rows are then in the table (not committed: the transaction decides). */
    void finish() throws SQLException;

    /** Abandons a load that failed midway; the transaction rollback discards what was sent. */
    @Override
    void close();

    /**
     * PostgreSQL's COPY when the driver offers it (3–5 times faster than batched INSERTs on the full
     * extraction), batched INSERTs everywhere else.
     */
    static StagingWriter open(Connection connection, Dialect dialect, RppsTables tables) throws SQLException {
        if (dialect == Dialect.POSTGRESQL && PostgresCopy.isAvailable(connection)) {
            return new CopyStagingWriter(PostgresCopy.opener(connection, CopyStagingWriter.copySql(tables)));
        }
        return new BatchStagingWriter(connection, tables);
    }
}
