package fr.relais.rpps.keycloak.storage;

import fr.relais.rpps.testing.TestDatabase;

class PostgresRppsRepositoryTest extends RppsRepositoryContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
