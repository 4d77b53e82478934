package fr.relais.rpps.keycloak.storage;

import fr.relais.rpps.testing.TestDatabase;

class H2RppsRepositoryTest extends RppsRepositoryContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
