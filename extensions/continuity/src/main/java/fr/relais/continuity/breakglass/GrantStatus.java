package fr.relais.continuity.breakglass;

/** Where an emergency access stands. Only ACTIVE lets anyone in. */
public enum GrantStatus {
    ACTIVE,
    EXPIRED,
    REVOKED,
    /** Too many wrong codes: an administrator must grant a new access. */
    LOCKED
}
