package fr.relais.it;

import fr.relais.runner.RelaisInstance;
import fr.relais.runner.ServerSettings;

/**
 * A second Relais for the test run, on a PostgreSQL server the runner starts from Maven artifacts, as
 * the appliance runs: for the RPPS directory (COPY import, the appliance's database). Its card CRLs come
 * from the drop folder the runner fills at start, so it needs no CRL server. It runs as the first node
 * of an Infinispan cluster, so that a test can add a second node on the same database
 * ({@link RelaisInstance#joinCluster}).
 */
public final class RelaisOnPostgresExtension extends RelaisServerExtension {

    /** Node name of this extension's instance in the cluster view. */
    public static final String NODE_NAME = "relais-a";

    /** Prefix of the RPPS import's server options. */
    static final String RPPS_IMPORT_OPTION = "spi-relais-rpps-import--default--";
    /** Prefix of the continuity server options (upstream health and session grace). */
    static final String GRACE_OPTION = "spi-relais-upstream-health--relais-upstream-health--";
    /** Above Quarkus' 10 MB default body limit, far below the production 1024. */
    static final int MAX_UPLOAD_MB = 12;

    public RelaisOnPostgresExtension() {
        super(RelaisInstance.Database.POSTGRESQL, "relais-it-postgresql");
    }

    @Override
    protected void customize(ServerSettings settings, CrlServer crls) {
        // Dropped files are picked up within seconds rather than the production five minutes.
        settings.runtimeOption(RPPS_IMPORT_OPTION + "drop-folder-interval-seconds", "2")
                .runtimeOption(RPPS_IMPORT_OPTION + "max-upload-mb", Integer.toString(MAX_UPLOAD_MB))
                .clusterNode(NODE_NAME, freePort())
                // The cached-session grace, off by default, on here (SessionGraceIT): a one-minute window, two minutes of grace.
                .runtimeOption(GRACE_OPTION + "session-grace", "true")
                .runtimeOption(GRACE_OPTION + "session-grace-minutes", "2")
                .runtimeOption(GRACE_OPTION + "session-grace-window-minutes", "1");
    }
}
