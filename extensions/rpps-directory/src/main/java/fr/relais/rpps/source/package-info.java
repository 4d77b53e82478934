/**
 * Where extractions come from: the configured URL (ANS extraction service or its data.gouv.fr mirror),
 * checked daily and skipped while unchanged, or a drop folder for sites without internet. No Keycloak
 * types: the HTTP client is handed in (Keycloak's, with its truststore and proxy settings).
 */
package fr.relais.rpps.source;
