package fr.relais.psc.keycloak;

/**
 * Every way a PSC login ends without a session: the event error operators see, and the message key
 * (French first, in this module's theme resources) the professional reads on the login page, which
 * still offers the other means.
 */
enum PscFailure {
    UNREACHABLE("relais_psc_unreachable", "relais.psc.error.unreachable"),
    TIMEOUT("relais_psc_timeout", "relais.psc.error.unreachable"),
    SERVER_ERROR("relais_psc_server_error", "relais.psc.error.unreachable"),
    /** PSC refused our token request (4xx): a client configuration problem, or a replayed code. */
    REJECTED("relais_psc_rejected", "relais.psc.error.rejected"),
    RESPONSE_TOO_LARGE("relais_psc_response_too_large", "relais.psc.error.invalidResponse"),
    INVALID_RESPONSE("relais_psc_invalid_response", "relais.psc.error.invalidResponse"),
    BAD_SIGNATURE("relais_psc_bad_signature", "relais.psc.error.untrusted"),
    WRONG_ISSUER("relais_psc_wrong_issuer", "relais.psc.error.untrusted"),
    WRONG_AUDIENCE("relais_psc_wrong_audience", "relais.psc.error.untrusted"),
    WRONG_NONCE("relais_psc_wrong_nonce", "relais.psc.error.untrusted"),
    EXPIRED_TOKEN("relais_psc_expired_token", "relais.psc.error.untrusted"),
    INCONSISTENT_IDENTITY("relais_psc_inconsistent_identity", "relais.psc.error.untrusted"),
    NO_NATIONAL_ID("relais_psc_no_national_id", "relais.psc.error.invalidResponse"),
    ACR_TOO_LOW("relais_psc_acr_too_low", "relais.psc.error.acrTooLow"),
    /** A signed-in user tried to link a PSC identity the directory gives to another account, or to none. */
    LINK_REFUSED("relais_psc_link_refused", "relais.psc.error.linkRefused");

    final String eventError;
    final String messageKey;

    PscFailure(String eventError, String messageKey) {
        this.eventError = eventError;
        this.messageKey = messageKey;
    }
}
