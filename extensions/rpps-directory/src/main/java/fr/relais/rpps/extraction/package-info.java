/**
 * Streaming reader for the Annuaire Santé open-data extractions ({@code PS_LibreAcces} and
 * {@code Extraction_Correspondance_MSSante}).
 *
 * <p>Pure parsing logic: no Keycloak types here, so the importer, the benchmarks and the unit tests
 * use it directly. The entry point is {@link fr.relais.rpps.extraction.RppsExtractionReader}.
 */
package fr.relais.rpps.extraction;
