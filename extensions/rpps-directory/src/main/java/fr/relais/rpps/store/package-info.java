/**
 * The RPPS tables in Keycloak's database, reached through plain JDBC: which tables, which SQL dialect,
 * and how work is run in a transaction. Free of Keycloak types, so the import and the reports run the
 * same way inside Keycloak, in tests (H2, PostgreSQL) and in the benchmarks.
 */
package fr.relais.rpps.store;
