package fr.relais.testpki;

/**
 * The six TEST CAs Relais needs, named like the real IGC-Santé ones with "TEST". The short names follow the
 * CRL and certificate file names published by ANS (ACR-FO-TEST, ACI-FO-PP-TEST, ...); ACI-ST-PP-TEST was not
 * seen in a real URL but follows the same pattern. Declaration order puts each root before its intermediate.
 */
enum CaProfile {
    FORT_ROOT("TEST AC RACINE IGC-SANTE FORT", "ACR-FO-TEST", null),
    FORT_PERSONNES("TEST AC IGC-SANTE FORT PERSONNES", "ACI-FO-PP-TEST", FORT_ROOT),
    STANDARD_ROOT("TEST AC RACINE IGC-SANTE STANDARD", "ACR-ST-TEST", null),
    STANDARD_PERSONNES("TEST AC IGC-SANTE STANDARD PERSONNES", "ACI-ST-PP-TEST", STANDARD_ROOT),
    ELEMENTAIRE_ROOT("TEST AC RACINE IGC-SANTE ELEMENTAIRE", "ACR-EL-TEST", null),
    ELEMENTAIRE_ORGANISATIONS("TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS", "ACI-EL-ORG-TEST", ELEMENTAIRE_ROOT);

    private final String commonName;
    private final String shortName;
    private final CaProfile parent;

    CaProfile(String commonName, String shortName, CaProfile parent) {
        this.commonName = commonName;
        this.shortName = shortName;
        this.parent = parent;
    }

    String commonName() {
        return commonName;
    }

    String shortName() {
        return shortName;
    }

    /** Null for a root. */
    CaProfile parent() {
        return parent;
    }
}
