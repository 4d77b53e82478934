package fr.relais.rpps.keycloak.importer;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.persistence.EntityManager;

import org.hibernate.JDBCException;
import org.hibernate.Session;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

import fr.relais.rpps.store.SqlWork;
import fr.relais.rpps.store.Transactions;

/**
 * Each unit of import work in its own Keycloak transaction, on the connection of Keycloak's datasource
 * that the transaction enlists: commit and rollback are Keycloak's (JTA), and the timeout is raised for
 * the long steps (Keycloak's default of a few minutes fits requests, not a national file).
 */
final class KeycloakTransactions implements Transactions {

    /** Carries the work's own exception out of Keycloak's transaction runner, which rolls back on it. */
    private static final class WorkFailure extends RuntimeException {
        WorkFailure(Exception cause) {
            super(cause);
        }
    }

    private final KeycloakSessionFactory factory;
    private final int timeoutSeconds;

    KeycloakTransactions(KeycloakSessionFactory factory, int timeoutSeconds) {
        this.factory = factory;
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        try {
            KeycloakModelUtils.runJobInTransactionWithTimeout(factory, session -> {
                EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
                result.set(em.unwrap(Session.class).doReturningWork(connection -> {
                    try {
                        return work.run(connection);
                    } catch (SQLException | RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new WorkFailure(e);
                    }
                }));
            }, timeoutSeconds);
        } catch (WorkFailure failure) {
            throw (Exception) failure.getCause();
        } catch (JDBCException e) {
            // Hibernate wraps what the JDBC work threw; operators need the database's own message.
            throw e.getSQLException() != null ? e.getSQLException() : e;
        }
        return result.get();
    }
}
