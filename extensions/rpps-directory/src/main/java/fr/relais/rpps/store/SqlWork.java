package fr.relais.rpps.store;

import java.sql.Connection;

/** Work done on a connection inside a transaction that someone else begins and ends. */
@FunctionalInterface
public interface SqlWork<T> {

    /** Must neither commit nor roll back: inside Keycloak the connection belongs to a JTA transaction. */
    T run(Connection connection) throws Exception;
}
