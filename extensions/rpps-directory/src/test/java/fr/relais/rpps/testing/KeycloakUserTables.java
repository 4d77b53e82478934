package fr.relais.rpps.testing;

/**
 * The columns of Keycloak 26's user tables that the import and the link-health report read, for tests
 * that run them on a database without Keycloak.
 */
public final class KeycloakUserTables {

    private KeycloakUserTables() {
    }

    public static void create(TestDatabase database) {
        database.execute(
                "CREATE TABLE USER_ENTITY (ID VARCHAR(36) PRIMARY KEY, REALM_ID VARCHAR(255), USERNAME VARCHAR(255),"
                        + " FIRST_NAME VARCHAR(255), LAST_NAME VARCHAR(255), ENABLED BOOLEAN NOT NULL,"
                        + " FEDERATION_LINK VARCHAR(255), SERVICE_ACCOUNT_CLIENT_LINK VARCHAR(255))",
                "CREATE TABLE USER_ATTRIBUTE (ID VARCHAR(36) PRIMARY KEY, NAME VARCHAR(255) NOT NULL, VALUE VARCHAR(255),"
                        + " USER_ID VARCHAR(36) NOT NULL)",
                "CREATE INDEX IDX_USER_ATTRIBUTE_NAME ON USER_ATTRIBUTE (NAME, VALUE)");
    }

    /** An account of realm {@code realm} carrying {@code idNat} in its {@code idnat_ps} attribute. */
    public static void account(TestDatabase database, String userId, String idNat) {
        database.execute("INSERT INTO USER_ENTITY VALUES ('" + userId + "', 'realm', '" + userId + "', NULL, NULL, TRUE,"
                        + " NULL, NULL)",
                "INSERT INTO USER_ATTRIBUTE VALUES ('idnat-" + userId + "', 'idnat_ps', '" + idNat + "', '" + userId + "')");
    }
}
