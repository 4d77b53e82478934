package fr.relais.psc.keycloak;

/**
 * Names of the session notes and event details a PSC login records. The {@code relais.acr} /
 * {@code relais.amr} notes and the {@code relais_means} / {@code idnat_ps} details are shared with
 * the card login (same names, so reports and the token mapper treat both means alike).
 */
final class PscEventDetails {

    static final String MEANS = "relais_means";
    static final String MEANS_PSC = "e-cps-psc";
    static final String ID_NAT_PS = "idnat_ps";
    static final String PSC_ACR = "psc_acr";
    static final String PSC_AUTH_MODE = "psc_auth_mode";
    static final String REASON = "reason";
    /** Set when the first login opened the account from the RPPS directory. */
    static final String ACCOUNT_CREATED = "account_created";

    /** Read by the relais-authentication-context token mapper. */
    static final String NOTE_ACR = "relais.acr";
    static final String NOTE_AMR = "relais.amr";
    static final String ACR_MIE_2FA = "mie-2fa";

    static final String NOTE_MEANS = "relais.means";
    static final String NOTE_PSC_ACR = "relais.psc.acr";
    static final String NOTE_PSC_AUTH_MODE = "relais.psc.authMode";
    static final String NOTE_ID_NAT_PS = "relais.idnat_ps";

    /** Practice at the organisation, set by the practice mapper. */
    static final String NOTE_PRACTICE_FINESS = "relais.psc.practice.finess";
    static final String NOTE_PRACTICE_PROFESSION = "relais.psc.practice.profession";
    static final String NOTE_PRACTICE_STRUCTURE = "relais.psc.practice.structure";
    static final String NOTE_PRACTICE_SECTOR = "relais.psc.practice.sector";
    static final String NOTE_PRACTICES = "relais.psc.practices";

    private PscEventDetails() {
    }
}
