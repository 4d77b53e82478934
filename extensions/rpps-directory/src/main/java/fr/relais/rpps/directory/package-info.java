/**
 * The directory as the rest of Relais sees it: a professional and their activities read back from the
 * database, the user attributes and token claims made of them, search terms, and the small storage
 * formats shared with the import. Pure logic, no Keycloak types.
 */
package fr.relais.rpps.directory;
