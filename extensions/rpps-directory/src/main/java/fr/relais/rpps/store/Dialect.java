package fr.relais.rpps.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The few statements that differ between the databases Keycloak runs on. Everything else the RPPS code
 * issues is plain SQL (INSERT … SELECT, NOT EXISTS, IN sub-queries) that every one of them accepts.
 */
public enum Dialect {
    POSTGRESQL,
    H2,
    OTHER;

    public static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("h2")) {
            return H2;
        }
        return OTHER;
    }

    /**
     * Empties a work table. Only ever call it first thing in a transaction: H2 and MySQL commit the open
     * transaction on TRUNCATE (PostgreSQL does not), which is harmless only when nothing precedes it.
     * DELETE would keep the transaction intact but costs minutes and gigabytes on H2 for a national file.
     */
    public void empty(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("TRUNCATE TABLE " + table);
        }
    }

    /**
     * Most professionals one import may stage. H2 runs inside Keycloak's JVM and keeps a large transaction's
     * pages in heap: measured on the synthetic extraction, 50,000 professionals fit in a 160 MB heap, 100,000
     * already held 270 MB, the whole country would take Keycloak down. Beyond this, an H2 site (the local run
     * command) must restrict the import to its départements or FINESS numbers.
     */
    public long maxProfessionals() {
        return this == H2 ? 50_000 : Long.MAX_VALUE;
    }

    /**
     * Refreshes planner statistics after a bulk change. PostgreSQL plans the swap from them: without
     * them a freshly loaded staging table looks empty and gets nested loops instead of hash joins.
     * {@code SKIP_LOCKED}: should another session hold a conflicting lock (a VACUUM, an autovacuum
     * against wraparound), the import goes on without waiting in its transaction, and autovacuum
     * takes the statistics later.
     */
    public void analyze(Connection connection, String table) throws SQLException {
        if (this != POSTGRESQL) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE (SKIP_LOCKED) " + table);
        }
    }
}
