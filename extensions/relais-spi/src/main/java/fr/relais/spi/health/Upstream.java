package fr.relais.spi.health;

/** The outside services an outage can take away while Keycloak and the local apps keep running. */
public enum Upstream {
    /** Pro Santé Connect: discovery document and signing keys. */
    PRO_SANTE_CONNECT,
    /** The IGC-Santé certificate revocation list servers. */
    CRL_SOURCES,
    /** The source of the RPPS open-data extraction. */
    RPPS_SOURCE
}
