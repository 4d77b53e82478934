package fr.relais.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One local Relais: Keycloak with the Relais overlay, the demo PKI, the demo professionals and the
 * baseline realm, all under one root folder ({@code keycloak/} with its {@code data/}, {@code pki/},
 * {@code secrets.properties}, {@code keycloak.log}). Started the same way by {@code ./relais dev}
 * and by the integration tests, on Keycloak's dev-file H2 database or, like the appliance, on a
 * PostgreSQL server this instance runs itself ({@code postgres/} under the root folder).
 */
public final class RelaisInstance implements AutoCloseable {

    public static final String REALM = "relais";
    public static final String ADMIN_USERNAME = "admin";
    public static final String DUI_CLIENT_ID = "dui";
    public static final String VIATRAJECTOIRE_CLIENT_ID = "viatrajectoire";
    /** Prefix of the card authenticator's server options. */
    public static final String CARD_OPTION = "spi-authenticator--relais-cps-card--";
    /** Alias of the realm's Pro Santé Connect identity provider. */
    public static final String PSC_ALIAS = "psc";

    /** Where Keycloak keeps its data. */
    public enum Database {
        /** Keycloak's H2 file database under {@code keycloak/data/h2}: the quick local run. */
        DEV_FILE,
        /** A PostgreSQL server started from Maven artifacts, its data under {@code postgres/}. */
        POSTGRESQL
    }

    private final Path root;
    private final KeycloakInstallation installation;
    private final Secrets secrets;
    private final DemoPki pki;
    private final ServerSettings settings;
    private final KeycloakProcess keycloak;
    private final PostgresServer postgres;

    private RelaisInstance(Path root, KeycloakInstallation installation, Secrets secrets, DemoPki pki,
                           ServerSettings settings, KeycloakProcess keycloak, PostgresServer postgres) {
        this.root = root;
        this.installation = installation;
        this.secrets = secrets;
        this.pki = pki;
        this.settings = settings;
        this.keycloak = keycloak;
        this.postgres = postgres;
    }

    /** A Relais whose Pro Santé Connect button leads nowhere (see {@link PscConnection#unconfigured()}). */
    public static RelaisInstance start(Path root, Ports ports, String duiUrl, String viaTrajectoireUrl,
                                       Consumer<ServerSettings> customize) {
        return start(root, ports, duiUrl, viaTrajectoireUrl, PscConnection.unconfigured(), customize);
    }

    /**
     * @param psc       where the realm's Pro Santé Connect identity provider points
     * @param customize last changes to the server settings, e.g. the tests' own CRL server
     */
    public static RelaisInstance start(Path root, Ports ports, String duiUrl, String viaTrajectoireUrl,
                                       PscConnection psc, Consumer<ServerSettings> customize) {
        return start(root, ports, duiUrl, viaTrajectoireUrl, psc, Database.DEV_FILE, customize);
    }

    /**
     * @param database  on POSTGRESQL the server is started first and stopped with the instance (or by
     *                  a shutdown hook), also when Keycloak fails to start
     */
    public static RelaisInstance start(Path root, Ports ports, String duiUrl, String viaTrajectoireUrl,
                                       PscConnection psc, Database database, Consumer<ServerSettings> customize) {
        Path absoluteRoot = root.toAbsolutePath().normalize();
        PostgresServer postgres = database == Database.POSTGRESQL
                ? PostgresServer.start(absoluteRoot.resolve("postgres"), absoluteRoot.resolve("postgres.log"))
                : null;
        try {
            return start(absoluteRoot, ports, duiUrl, viaTrajectoireUrl, psc, postgres, customize);
        } catch (RuntimeException e) {
            if (postgres != null) {
                postgres.close();
            }
            throw e;
        }
    }

    private static RelaisInstance start(Path absoluteRoot, Ports ports, String duiUrl, String viaTrajectoireUrl,
                                        PscConnection psc, PostgresServer postgres, Consumer<ServerSettings> customize) {
        KeycloakInstallation installation = KeycloakInstallation.install(absoluteRoot.resolve("keycloak"),
                DistributionArtifacts.fromBuild());
        Secrets secrets = Secrets.loadOrCreate(absoluteRoot.resolve("secrets.properties"));
        DemoPki pki = DemoPki.loadOrCreate(absoluteRoot.resolve("pki"), secrets.get(Secrets.PKI_PASSWORD));
        try {
            boolean freshDatabase = postgres == null ? !Files.exists(installation.databaseDir()) : postgres.fresh();
            if (freshDatabase) {
                DemoUsersFile.write(installation.importDir(), REALM, secrets.get(Secrets.DEMO_USER_PASSWORD));
                DemoExtraction.write(installation.rppsDropFolder());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerSettings settings = (postgres == null ? ServerSettings.devFileDatabase()
                : ServerSettings.postgresDatabase(postgres.jdbcUrl(), PostgresServer.USER))
                .ports(ports.https(), ports.management())
                .tls(pki.serverCertificate(), pki.serverKey(), pki.cardTrustStore(), secrets.get(Secrets.PKI_PASSWORD))
                .bootstrapAdmin(ADMIN_USERNAME, secrets.get(Secrets.ADMIN_PASSWORD))
                .environment("RELAIS_DUI_URL", duiUrl)
                .environment("RELAIS_DUI_CLIENT_SECRET", secrets.get(Secrets.DUI_CLIENT_SECRET))
                .environment("RELAIS_VIATRAJECTOIRE_URL", viaTrajectoireUrl)
                .environment("RELAIS_VIATRAJECTOIRE_CLIENT_SECRET", secrets.get(Secrets.VIATRAJECTOIRE_CLIENT_SECRET))
                // The demo cards are TEST cards: this installation trusts the TEST hierarchy on purpose.
                .environment("RELAIS_CPS_TEST_MODE", "true")
                .runtimeOption(CARD_OPTION + "test-authorities", pki.cardAuthoritiesPem().toString())
                .runtimeOption(CARD_OPTION + "crl-urls", "none")
                .runtimeOption(CARD_OPTION + "crl-drop-folder", absoluteRoot.resolve("crl-drop").toString());
        // Outgoing TLS (a PSC look-alike served over HTTPS with the local server certificate) trusts
        // the TEST roots too, on top of the JVM's own authorities.
        settings.runtimeOption("truststore-paths", pki.rootsPem().toString());
        psc.applyTo(settings);
        pki.writeFreshCrls(absoluteRoot.resolve("crl-drop"));
        customize.accept(settings);
        KeycloakProcess keycloak = KeycloakProcess.start(installation, settings, pki.serverTrust(),
                absoluteRoot.resolve("keycloak.log"), Duration.ofMinutes(5));
        return new RelaisInstance(absoluteRoot, installation, secrets, pki, settings, keycloak, postgres);
    }

    /**
     * A second node of {@code first}'s cluster: its own Keycloak installation under {@code root}, on
     * {@code first}'s PostgreSQL database, with {@code first}'s secrets, PKI and settings, answering
     * for {@code first}'s public address. {@code first} must itself run as a cluster node (see
     * {@link ServerSettings#clusterNode}). Closing this node leaves the database running: it is
     * {@code first}'s.
     */
    public static RelaisInstance joinCluster(RelaisInstance first, Path root, Ports ports, String nodeName, int clusterBindPort) {
        if (first.postgres == null) {
            throw new IllegalArgumentException("Only an instance on PostgreSQL can be joined: H2 is one process's file");
        }
        Path absoluteRoot = root.toAbsolutePath().normalize();
        KeycloakInstallation installation = KeycloakInstallation.install(absoluteRoot.resolve("keycloak"),
                DistributionArtifacts.fromBuild());
        ServerSettings settings = first.settings.copy()
                .ports(ports.https(), ports.management())
                .publicUrl(first.settings.publicUrl())
                .clusterNode(nodeName, clusterBindPort);
        KeycloakProcess keycloak = KeycloakProcess.start(installation, settings, first.pki.serverTrust(),
                absoluteRoot.resolve("keycloak.log"), Duration.ofMinutes(5));
        return new RelaisInstance(absoluteRoot, installation, first.secrets, first.pki, settings, keycloak, null);
    }

    public record Ports(int https, int management) {
    }

    public Path root() {
        return root;
    }

    public KeycloakInstallation installation() {
        return installation;
    }

    public Secrets secrets() {
        return secrets;
    }

    public DemoPki pki() {
        return pki;
    }

    /** Where this node answers. */
    public String baseUrl() {
        return settings.baseUrl();
    }

    /** The address users and tokens name: {@link #baseUrl()} unless the node answers for a cluster's. */
    public String publicUrl() {
        return settings.publicUrl();
    }

    public String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    public int managementPort() {
        return settings.managementPort();
    }

    public Path log() {
        return root.resolve("keycloak.log");
    }

    public KeycloakProcess process() {
        return keycloak;
    }

    /** The PostgreSQL server this instance started, if it runs on one (not a node that joined another's). */
    public Optional<PostgresServer> postgres() {
        return Optional.ofNullable(postgres);
    }

    @Override
    public void close() {
        try {
            keycloak.close();
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
