package fr.relais.cps.trust;

/** Why a card certificate does not chain to a configured IGC-Santé authority, or is unusable for login. */
public enum TrustRejection {
    /** No configured authority has this issuer name and key: includes look-alikes with an identical DN. */
    UNKNOWN_CA,
    EXPIRED,
    NOT_YET_VALID,
    /** An authority of the chain is itself outside its validity. */
    CA_NOT_VALID,
    /** The chain does not validate for another reason (constraints, malformed path). */
    INVALID_PATH,
    NOT_AN_END_ENTITY,
    KEY_USAGE,
    EXTENDED_KEY_USAGE,
    POLICY
}
