package fr.relais.rpps.keycloak.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.Test;

import fr.relais.rpps.directory.ProfessionalCache;
import fr.relais.rpps.testing.TestDatabase;

class PostgresRppsRepositoryTest extends RppsRepositoryContract {

    private static final String GUIGNARD = "810001045367";

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }

    /**
     * A first national import into a small directory (after the demo file, or a FINESS-scoped one) fills
     * the live tables inside one long transaction, while logins keep reading them with the small
     * directory's statistics. Each statement of the login-path lookup must still read by index: explained
     * here with 200,000 professionals and activities inserted and not yet committed, as mid-import.
     */
    @Test
    void theLookupReadsByIndexWhileAnImportFillsASmallDirectory() throws Exception {
        List<String> statements = new ArrayList<>();
        EntityManagerFactory inspected = entityManagerFactory(sql -> {
            statements.add(sql);
            return sql;
        });
        try (Connection importing = database.dataSource().getConnection()) {
            importing.setAutoCommit(false);
            try (Statement insert = importing.createStatement()) {
                insert.executeUpdate("INSERT INTO RELAIS_RPPS_PROFESSIONAL (ID_NAT, IDENTIFIER_TYPE, IDENTIFIER, LAST_NAME,"
                        + " SEARCH_NAME, CONTENT_HASH, UPDATED_AT) SELECT '8' || LPAD(g::text, 11, '0'), '8',"
                        + " LPAD(g::text, 11, '0'), 'MARTIN', 'MARTIN ' || g, MD5(g::text), 0 FROM generate_series(1, 200000) g");
                insert.executeUpdate("INSERT INTO RELAIS_RPPS_ACTIVITY (ID_NAT, ACTIVITY_NO, LEGAL_NAME, ADDRESS_LINE, CITY)"
                        + " SELECT '8' || LPAD(g::text, 11, '0'), 1, REPEAT('EHPAD ', 20), REPEAT('RUE ', 20), 'LYON'"
                        + " FROM generate_series(1, 200000) g");
            }
            EntityManager lookup = inspected.createEntityManager();
            try {
                assertThat(new RppsRepository(lookup, ProfessionalCache.OFF).find(GUIGNARD)).get()
                        .satisfies(p -> assertThat(p.activities()).hasSize(2));
            } finally {
                lookup.close();
                inspected.close();
            }
            assertThat(statements).isNotEmpty();
            for (String sql : statements) {
                // The first parameter is the idNat_PS; a second one, if any, is the row limit.
                String explained = sql.replaceFirst("\\?", "'" + GUIGNARD + "'").replace("?", "100");
                assertThat(plan(explained)).as(sql).contains("Index").doesNotContain("Seq Scan");
            }
            importing.rollback();
        }
    }

    private String plan(String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Connection connection = database.dataSource().getConnection();
             Statement explain = connection.createStatement();
             ResultSet lines = explain.executeQuery("EXPLAIN " + sql)) {
            while (lines.next()) {
                plan.append(lines.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
