package fr.relais.rpps.importer;

import java.util.Arrays;

/** One row for the staging table, values indexed by {@link StagingColumn}; numbers as decimal text. */
final class StagingRow {

    private final String[] values = new String[StagingColumn.count()];

    String get(StagingColumn column) {
        return values[column.ordinal()];
    }

    String get(int index) {
        return values[index];
    }

    void set(StagingColumn column, String value) {
        values[column.ordinal()] = value;
    }

    void clear() {
        Arrays.fill(values, null);
    }
}
