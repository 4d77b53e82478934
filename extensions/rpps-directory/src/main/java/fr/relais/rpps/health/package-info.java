/**
 * The link-health report the RIE asks for: local accounts not linked to RPPS, linked professionals who
 * left RPPS or changed profession (likely leavers), links not re-checked for years. Plain JDBC over
 * Keycloak's user tables and the directory, no Keycloak types.
 */
package fr.relais.rpps.health;
