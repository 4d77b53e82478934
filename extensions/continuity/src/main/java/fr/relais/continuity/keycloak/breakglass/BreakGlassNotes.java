package fr.relais.continuity.keycloak.breakglass;

/** Names of the session notes and event details an emergency access leaves behind. */
public final class BreakGlassNotes {

    /** User-session note: the grant that opened the session; the sweeper ends sessions by it. */
    public static final String GRANT = "relais.break-glass.grant";
    /** User-session note: the roles the session keeps in its tokens (read by the role filter, no DB lookup). */
    public static final String ROLES = "relais.break-glass.roles";
    /** User-session notes read by the cps-auth authentication-context mapper (acr and amr claims). */
    public static final String ACR = "relais.acr";
    public static final String AMR = "relais.amr";
    /** acr of an emergency session: not a two-factor means, and said so to every application. */
    public static final String ACR_BREAK_GLASS = "break-glass";
    /** RFC 8176: a secret handed over by an administrator is password-like knowledge. */
    public static final String AMR_BREAK_GLASS = "pwd";

    /** Login event details, named like the card login's. */
    public static final String DETAIL_MEANS = "relais_means";
    public static final String MEANS_BREAK_GLASS = "break-glass";
    public static final String DETAIL_GRANT = "break_glass_grant";
    public static final String DETAIL_EXPIRES = "break_glass_expires";
    public static final String DETAIL_GRANTED_BY = "break_glass_granted_by";
    public static final String DETAIL_REASON = "reason";

    /** Admin event resource type of activations, revocations and closings. */
    public static final String RESOURCE_TYPE = "RELAIS_BREAK_GLASS";

    private BreakGlassNotes() {
    }
}
