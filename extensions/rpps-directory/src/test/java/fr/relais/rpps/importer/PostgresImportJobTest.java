package fr.relais.rpps.importer;

import static fr.relais.rpps.testing.ExtractionFiles.personneActivite;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.relais.rpps.store.RppsTables;
import fr.relais.rpps.testing.TestDatabase;

/** The import on a real PostgreSQL server, the appliance's database; rows travel through COPY. */
class PostgresImportJobTest extends ImportJobContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }

    @Test
    void plannerStatisticsAreCommittedWithTheDirectory() throws Exception {
        List<String> seenAtCommit = new ArrayList<>();
        ImportJob job = jobTelling(() -> seenAtCommit.add(statistics()));
        Path file = personneActivite().add(nurse("10000000001", "ANDRÉ")).add(nurse("10000000002", "BERNARD"))
                .add(nurse("10000000003", "CLÉMENT")).write(files, "202611280000");

        assertThat(job.run(request(file, false)).status()).isEqualTo(ImportStatus.SUCCEEDED);

        // Read from another connection the moment the swap has committed: nothing runs between the commit
        // and the caches being emptied, so the statistics must be there. (pg_stats only: pg_class's row
        // count is written in place by ANALYZE and would show before the commit.)
        assertThat(seenAtCommit).containsExactly("professionals: statistics; activities: statistics");
    }

    private String statistics() throws SQLException {
        return describe(RppsTables.DEFAULT.professional(), "professionals") + "; "
                + describe(RppsTables.DEFAULT.activity(), "activities");
    }

    private String describe(String table, String label) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM pg_stats WHERE tablename = lower('"
                     + table + "'))")) {
            rows.next();
            return label + ": " + (rows.getBoolean(1) ? "statistics" : "none");
        }
    }
}
