package fr.relais.rpps.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.relais.rpps.testing.TestDatabase;

/** The loader's idea of each column (name, size) against what the changelog created. */
abstract class SchemaContract {

    abstract TestDatabase.Kind kind();

    @Test
    void stagingAndLiveColumnsHaveTheSizesTheLoaderCutsTo() throws Exception {
        TestDatabase database = TestDatabase.create(kind());
        try (Connection connection = database.dataSource().getConnection()) {
            Map<String, Integer> staging = columns(connection, "RELAIS_RPPS_STAGING");
            Map<String, Integer> professional = columns(connection, "RELAIS_RPPS_PROFESSIONAL");
            Map<String, Integer> activity = columns(connection, "RELAIS_RPPS_ACTIVITY");

            assertThat(staging).hasSize(StagingColumn.values().length);
            for (StagingColumn column : StagingColumn.values()) {
                if (!column.numeric()) {
                    assertThat(staging).as("staging " + column).containsEntry(column.name(), column.maxLength());
                }
            }
            for (StagingColumn column : StagingColumn.professionalColumns()) {
                assertThat(professional).as("professional " + column).containsKey(column.name());
                if (!column.numeric()) {
                    assertThat(professional.get(column.name())).as(column.name()).isEqualTo(column.maxLength());
                }
            }
            assertThat(professional).hasSize(StagingColumn.professionalColumns().size() + 1).containsKey("UPDATED_AT");
            for (StagingColumn column : StagingColumn.activityColumns()) {
                assertThat(activity).as("activity " + column).containsKey(column.name());
            }
            assertThat(activity).hasSize(StagingColumn.activityColumns().size());
        }
    }

    private static Map<String, Integer> columns(Connection connection, String table) throws Exception {
        DatabaseMetaData metadata = connection.getMetaData();
        Map<String, Integer> columns = new HashMap<>();
        for (String name : new String[] {table, table.toLowerCase(Locale.ROOT)}) {
            try (ResultSet rows = metadata.getColumns(null, null, name, null)) {
                while (rows.next()) {
                    columns.put(rows.getString("COLUMN_NAME").toUpperCase(Locale.ROOT), rows.getInt("COLUMN_SIZE"));
                }
            }
        }
        return columns;
    }
}
