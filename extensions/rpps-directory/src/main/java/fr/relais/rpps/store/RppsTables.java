package fr.relais.rpps.store;

/**
 * Qualified names of the RPPS tables created by {@code META-INF/relais-rpps-changelog.xml}.
 *
 * <p>Keycloak can be configured with a database schema other than the connection's default; native SQL
 * must then name it, as Keycloak's own native queries do.
 */
public final class RppsTables {

    public static final RppsTables DEFAULT = new RppsTables(null);

    /**
     * Name of the {@code USER_ATTRIBUTE} rows holding an account's idNat_PS: relais-spi's
     * {@code ProfessionalDirectory.ID_NAT_PS_ATTRIBUTE}, repeated here for the SQL that reads Keycloak's tables.
     */
    public static final String ID_NAT_ATTRIBUTE = "idnat_ps";

    private final String prefix;

    public RppsTables(String schema) {
        this.prefix = schema == null || schema.isBlank() ? "" : schema + ".";
    }

    public String professional() {
        return prefix + "RELAIS_RPPS_PROFESSIONAL";
    }

    public String activity() {
        return prefix + "RELAIS_RPPS_ACTIVITY";
    }

    public String staging() {
        return prefix + "RELAIS_RPPS_STAGING";
    }

    public String diff() {
        return prefix + "RELAIS_RPPS_DIFF";
    }

    public String change() {
        return prefix + "RELAIS_RPPS_CHANGE";
    }

    public String linkCheck() {
        return prefix + "RELAIS_RPPS_LINK_CHECK";
    }

    public String importRun() {
        return prefix + "RELAIS_RPPS_IMPORT";
    }

    public String lock() {
        return prefix + "RELAIS_RPPS_LOCK";
    }

    /** A Keycloak table in the same schema (link-health reads the users through them). */
    public String keycloak(String table) {
        return prefix + table;
    }
}
