package fr.relais.rpps.importer;

import fr.relais.rpps.testing.TestDatabase;

/** The import on a real PostgreSQL server, the appliance's database; rows travel through COPY. */
class PostgresImportJobTest extends ImportJobContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
