package fr.relais.rpps.importer;

import fr.relais.rpps.testing.TestDatabase;

/** The import on H2, the database of the local run command. */
class H2ImportJobTest extends ImportJobContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
