package fr.relais.cps.profile;

/** Why a certificate could not be read as a CPx authentication certificate. */
public enum ProfileRejection {
    /** Not a DER X.509 certificate at all. */
    MALFORMED_CERTIFICATE,
    /** Larger than any card certificate: refused before parsing. */
    OVERSIZED_CERTIFICATE,
    MISSING_COMMON_NAME,
    /** More than one CN: the identifier would be a guess. */
    AMBIGUOUS_COMMON_NAME,
    /** A subject attribute or extension is not in the ASN.1 type the profile uses. */
    UNEXPECTED_ENCODING,
    /** The CN is not an idNat_PS (type prefix followed by the identifier). */
    INVALID_IDENTIFIER,
    MISSING_CARD_TYPE,
    UNKNOWN_CARD_TYPE,
    MISSING_CARD_CATEGORY,
    UNKNOWN_CARD_CATEGORY,
    /** The card type and the identifier kind contradict each other (e.g. a CPE with an RPPS number). */
    INCONSISTENT_IDENTIFIER
}
