package fr.relais.rpps.health;

import fr.relais.rpps.testing.TestDatabase;

class H2LinkHealthQueryTest extends LinkHealthQueryContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
