package fr.relais.cps.revocation;

/** Why OCSP gave no usable answer; the stored CRL then decides. Labels go into login events. */
public enum OcspFailure {
    /** The realm's OCSP settings cannot be used (responder URL or timeout). */
    MISCONFIGURED("misconfigured"),
    /** Neither a configured responder nor an OCSP URL in the card certificate. */
    NO_RESPONDER_URL("no-responder-url"),
    TIMEOUT("timeout"),
    NETWORK("network"),
    HTTP_STATUS("http-status"),
    TOO_LARGE("too-large"),
    MALFORMED("malformed"),
    /** A well-formed answer that is not a signed response, e.g. tryLater or unauthorized. */
    UNSUCCESSFUL("unsuccessful"),
    /** Signed by neither the issuing CA nor a responder it delegated OCSP signing to. */
    UNTRUSTED_RESPONDER("untrusted-responder"),
    BAD_SIGNATURE("bad-signature"),
    /** The response does not speak of the certificate asked about. */
    WRONG_CERTIFICATE("wrong-certificate"),
    /** Nonce mismatch, thisUpdate in the future, past nextUpdate, or too old without a nonce. */
    NOT_FRESH("not-fresh"),
    /** The responder answered "unknown": it does not know the certificate. */
    UNKNOWN_STATUS("unknown-status");

    public final String label;

    OcspFailure(String label) {
        this.label = label;
    }
}
