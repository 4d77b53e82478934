package fr.relais.cps.keycloak;

/** Names of the login event details and session notes a card login records. */
final class CardEventDetails {

    static final String MEANS = "relais_means";
    static final String MEANS_CARD = "cps-card";
    static final String ID_NAT_PS = "idnat_ps";
    static final String CARD_TYPE = "card_type";
    static final String SERIAL = "card_serial";
    static final String ISSUER = "card_issuer";
    static final String CRL_AGE = "crl_age_seconds";
    static final String REVOCATION_GRACE = "revocation_grace";
    /** crl, ocsp or crl-after-ocsp-failure. */
    static final String REVOCATION_SOURCE = "revocation_source";
    /** Why OCSP gave no usable answer, when the stored CRL decided instead. */
    static final String OCSP_FAILURE = "ocsp_failure";
    static final String REASON = "reason";

    /** User-session notes read by the authentication-context mapper. */
    static final String NOTE_AMR = "relais.amr";
    static final String NOTE_ACR = "relais.acr";
    /** Card plus PIN: something held, something known (RFC 8176 values). */
    static final String CARD_AMR = "sc pin mfa hwk";
    /** Two-factor means as the RIE requires (MIE 2FA). */
    static final String ACR_MIE_2FA = "mie-2fa";

    private CardEventDetails() {
    }
}
