package fr.relais.rpps.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import fr.relais.rpps.store.RppsTables;

/**
 * One import at a time across the cluster. The scheduled import already runs on a single node, but an
 * administrator can start one on any node; the lock row in the shared database settles it. A lock
 * older than the stale delay is taken over: its holder died without releasing it.
 */
final class ImportLock {

    private final RppsTables tables;

    ImportLock(RppsTables tables) {
        this.tables = tables;
    }

    boolean tryAcquire(Connection connection, String holder, long now, long staleBefore) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + tables.lock()
                + " SET HOLDER = ?, ACQUIRED_AT = ? WHERE ID = 1 AND (HOLDER IS NULL OR ACQUIRED_AT < ?)")) {
            update.setString(1, holder);
            update.setLong(2, now);
            update.setLong(3, staleBefore);
            return update.executeUpdate() == 1;
        }
    }

    void release(Connection connection, String holder) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + tables.lock()
                + " SET HOLDER = NULL, ACQUIRED_AT = NULL WHERE ID = 1 AND HOLDER = ?")) {
            update.setString(1, holder);
            update.executeUpdate();
        }
    }
}
