package fr.relais.continuity.keycloak.grace;

/** Names shared by the session grace's listener, authenticator, sweep and audit. */
public final class SessionGraceNotes {

    /** User-session note of a continued session: when it must end at the latest (epoch ms). */
    public static final String UNTIL = "relais.session-grace.until";
    /** User-session note of a continued session: the session it continues. */
    public static final String CONTINUES = "relais.session-grace.continues";
    /** Auth note set when the login was a continuation, read by the degraded-mode audit. */
    public static final String USED = "relais.session-grace.used";

    /** acr of a continued session: no new authentication took place, and applications are told. */
    public static final String ACR = "session-grace";

    /** Login event details, named like the other continuity details. */
    public static final String DETAIL_MEANS = "relais_means";
    public static final String MEANS = "session-grace";
    public static final String DETAIL_CONTINUES = "relais_grace_continues";
    public static final String DETAIL_UNTIL = "relais_grace_until";

    /** Admin event resource type of grace sessions opened and closed. */
    public static final String RESOURCE_TYPE = "RELAIS_SESSION_GRACE";

    private SessionGraceNotes() {
    }
}
