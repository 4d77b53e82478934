package fr.relais.rpps.importer;

import fr.relais.rpps.testing.TestDatabase;

class H2SchemaTest extends SchemaContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
