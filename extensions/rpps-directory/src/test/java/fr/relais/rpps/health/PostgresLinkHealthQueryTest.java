package fr.relais.rpps.health;

import fr.relais.rpps.testing.TestDatabase;

class PostgresLinkHealthQueryTest extends LinkHealthQueryContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
