package fr.relais.rpps.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.relais.rpps.store.RppsTables;
import fr.relais.rpps.testing.KeycloakUserTables;
import fr.relais.rpps.testing.TestDatabase;

/**
 * The report's SQL against Keycloak's user tables (the columns it reads, as Keycloak 26 creates them)
 * and the directory tables, on both databases.
 */
abstract class LinkHealthQueryContract {

    TestDatabase database;

    abstract TestDatabase.Kind kind();

    @BeforeEach
    void keycloakUsersAndDirectory() {
        database = TestDatabase.create(kind());
        KeycloakUserTables.create(database);
        database.execute(
                "INSERT INTO USER_ENTITY VALUES ('u1', 'realm', 'claire', 'Claire', 'MARTIN', TRUE, 'rpps-component', NULL)",
                "INSERT INTO USER_ENTITY VALUES ('u2', 'realm', 'accueil', NULL, NULL, TRUE, NULL, NULL)",
                "INSERT INTO USER_ENTITY VALUES ('u3', 'realm', 'service-account-dui', NULL, NULL, TRUE, NULL, 'client')",
                "INSERT INTO USER_ENTITY VALUES ('u4', 'other', 'claire', 'Claire', 'MARTIN', TRUE, NULL, NULL)",
                "INSERT INTO USER_ENTITY VALUES ('u5', 'realm', 'parti', 'Paul', 'PARTI', FALSE, NULL, NULL)",
                "INSERT INTO USER_ATTRIBUTE VALUES ('a1', 'idnat_ps', '810000000001', 'u1')",
                "INSERT INTO USER_ATTRIBUTE VALUES ('a2', 'rpps_linked_at', '2026-11-01T10:00:00Z', 'u1')",
                "INSERT INTO USER_ATTRIBUTE VALUES ('a3', 'idnat_ps', '810000000001', 'u4')",
                "INSERT INTO USER_ATTRIBUTE VALUES ('a4', 'idnat_ps', '810000000002', 'u5')",
                "INSERT INTO USER_ATTRIBUTE VALUES ('a5', 'email', 'x@example.org', 'u2')",
                "INSERT INTO RELAIS_RPPS_PROFESSIONAL (ID_NAT, IDENTIFIER_TYPE, IDENTIFIER, SEARCH_NAME, PROFESSION_CODE,"
                        + " CONTENT_HASH, UPDATED_AT) VALUES ('810000000001', '8', '10000000001', 'MARTIN CLAIRE', '60', 'h', 0)",
                "INSERT INTO RELAIS_RPPS_LINK_CHECK VALUES ('810000000001', 2000)",
                "INSERT INTO RELAIS_RPPS_CHANGE VALUES ('run', '810000000002', 'GONE', '60', NULL, 1000)",
                "INSERT INTO RELAIS_RPPS_CHANGE VALUES ('run', '810000000009', 'GONE', '60', NULL, 1000)");
    }

    @Test
    void readsTheRealmsAccountsWithTheirLinks() throws Exception {
        LinkHealthQuery query = new LinkHealthQuery(RppsTables.DEFAULT);
        try (Connection connection = database.dataSource().getConnection()) {
            List<AccountLink> accounts = query.accounts(connection, "realm");

            assertThat(accounts).extracting(AccountLink::username)
                    .as("service accounts and other realms left out").containsExactlyInAnyOrder("claire", "accueil", "parti");
            AccountLink claire = accounts.stream().filter(a -> a.username().equals("claire")).findFirst().orElseThrow();
            assertThat(claire).isEqualTo(new AccountLink("u1", "claire", "Claire", "MARTIN", true, true, "810000000001",
                    true, "60", 2000L, "2026-11-01T10:00:00Z"));
            AccountLink parti = accounts.stream().filter(a -> a.username().equals("parti")).findFirst().orElseThrow();
            assertThat(parti.inDirectory()).isFalse();
            assertThat(parti.enabled()).isFalse();
            assertThat(parti.checkedAt()).as("never found by an import").isNull();
            assertThat(parti.linkedAt()).isNull();

            assertThat(query.changes(connection, "realm")).containsExactly(
                    new DirectoryChange("810000000002", "GONE", "60", null, 1000));
            assertThat(query.directoryLoaded(connection)).isTrue();
        }
    }
}
