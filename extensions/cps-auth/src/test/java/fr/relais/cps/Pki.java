package fr.relais.cps;

import fr.relais.testpki.TestPki;

/** One TEST hierarchy for all unit tests of this module: key generation is the slow part. */
public final class Pki {

    public static final TestPki TEST = TestPki.generate();

    private Pki() {
    }
}
