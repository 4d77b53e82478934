package fr.relais.rpps.store;

/**
 * Runs work in its own transaction: committed when the work returns, rolled back when it throws.
 * Inside Keycloak this is a Keycloak session transaction on the server's datasource; in tests and
 * benchmarks, a plain JDBC connection ({@link JdbcTransactions}).
 */
public interface Transactions {

    /**
     * @throws Exception whatever the work threw, after the rollback
     */
    <T> T inTransaction(SqlWork<T> work) throws Exception;
}
