package fr.relais.rpps.importer;

import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The one place that names the PostgreSQL driver's classes. They are in the Keycloak distribution, but
 * a build using another database could leave them out: {@link #isAvailable} then answers false instead of
 * the import failing with a missing class.
 */
final class PostgresCopy {

    private PostgresCopy() {
    }

    static boolean isAvailable(Connection connection) {
        try {
            return connection.isWrapperFor(PGConnection.class);
        } catch (SQLException | LinkageError e) {
            return false;
        }
    }

    /** Opens a new {@code COPY … FROM STDIN} on the connection for each chunk. */
    static Opener opener(Connection connection, String sql) {
        return () -> open(connection, sql);
    }

    /** Starts {@code COPY … FROM STDIN} on the connection (Keycloak's pool wraps it; the driver's is inside). */
    static CopyOut open(Connection connection, String sql) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        return new CopyOut() {
            @Override
            public void write(byte[] buffer, int length) throws SQLException {
                copy.writeToCopy(buffer, 0, length);
            }

            @Override
            public long end() throws SQLException {
                return copy.endCopy();
            }

            @Override
            public void cancel() {
                try {
                    if (copy.isActive()) {
                        copy.cancelCopy();
                    }
                } catch (SQLException ignored) {
                    // The transaction is rolled back after a failed load anyway.
                }
            }
        };
    }

    interface Opener {
        CopyOut open() throws SQLException;
    }

    /** The part of the driver's {@code CopyIn} the writer uses, so that it can be tested without a server. */
    interface CopyOut {
        void write(byte[] buffer, int length) throws SQLException;

        long end() throws SQLException;

        void cancel();
    }
}
