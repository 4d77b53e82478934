/**
 * The import job: an extraction streamed into a staging table, validated, then applied to the live
 * directory tables in one transaction, each run recorded. Plain JDBC and no Keycloak types: Keycloak
 * provides the {@link fr.relais.rpps.store.Transactions}, tests and benchmarks a JDBC data source.
 */
package fr.relais.rpps.importer;
