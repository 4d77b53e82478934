package fr.relais.rpps.importer;

import fr.relais.rpps.testing.TestDatabase;

class PostgresSchemaTest extends SchemaContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
