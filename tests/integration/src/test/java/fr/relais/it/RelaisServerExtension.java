package fr.relais.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import fr.relais.pscsim.PscSimulator;
import fr.relais.runner.DemoPsc;
import fr.relais.runner.RelaisInstance;
import fr.relais.runner.Secrets;
import fr.relais.runner.ServerSettings;

/**
 * One Relais for the whole test run, started exactly as {@code ./relais dev} starts it (same runner,
 * same install layout), in a fresh folder and on free ports, on Keycloak's H2 file database. Test
 * classes receive it as a parameter. {@link RelaisOnPostgresExtension} starts a second one, on
 * PostgreSQL, for the classes that need the appliance's database.
 */
public class RelaisServerExtension implements ParameterResolver {

    /** The demo DUI app's port: the browser test runs it there; the others only read redirects to it. */
    public static final int DUI_PORT = freePort();
    public static final String DUI_URL = "http://localhost:" + DUI_PORT;
    /** The tests read redirects to this URL from Location headers; nothing listens there. */
    public static final String VIATRAJECTOIRE_URL = "https://viatrajectoire.relais.test";

    /**
     * Short, so that the PSC fault tests (blackhole, slow) fail a login in seconds; the simulator
     * answers a healthy request in milliseconds.
     */
    public static final int PSC_HTTP_TIMEOUT_MILLIS = 2_000;
    /** Key of the PSC client secret in the test server's file vault. */
    public static final String PSC_VAULT_KEY = "psc-client-secret";

    /** Authorities whose CRLs Keycloak downloads from the test CRL server: the card issuers and their roots. */
    static final String[] CARD_AUTHORITIES = {"ACI-FO-PP-TEST", "ACI-ST-PP-TEST", "ACR-FO-TEST", "ACR-ST-TEST"};

    private final RelaisInstance.Database database;
    private final String folder;

    public RelaisServerExtension() {
        this(RelaisInstance.Database.DEV_FILE, "relais-it");
    }

    /** @param folder name of the instance folder, next to the other instances' */
    protected RelaisServerExtension(RelaisInstance.Database database, String folder) {
        this.database = database;
        this.folder = folder;
    }

    /** Last changes to the server settings of this extension's instance. */
    protected void customize(ServerSettings settings, CrlServer crls) {
        settings.runtimeOption(RelaisInstance.CARD_OPTION + "crl-urls", String.join(",",
                        java.util.Arrays.stream(CARD_AUTHORITIES).map(crls::url).toList()))
                .runtimeOption(RelaisInstance.CARD_OPTION + "crl-refresh-seconds", "2");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RelaisInstance.class || type == CrlServer.class || type == PscSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        CrlServer crls = store.getOrComputeIfAbsent(CrlServer.class, key -> {
            CrlServer server = new CrlServer(freePort());
            server.start();
            return server;
        }, CrlServer.class);
        // One instance per folder: two extensions may use the same kind of database.
        Started started = store.getOrComputeIfAbsent(Started.class.getName() + ":" + folder, key -> start(crls), Started.class);
        Class<?> type = parameter.getParameter().getType();
        return type == CrlServer.class ? crls : type == PscSimulator.class ? started.psc() : started.relais();
    }

    /** Keycloak and the PSC simulator it brokers to, closed together at the end of the run. */
    record Started(RelaisInstance relais, PscSimulator psc) implements AutoCloseable {
        @Override
        public void close() {
            relais.close();
            psc.close();
        }
    }

    private Started start(CrlServer crls) {
        Path root = Path.of(System.getProperty("relais.it.root", "target/relais-it")).resolveSibling(folder);
        deleteRecursively(root);
        RelaisInstance.Ports ports = new RelaisInstance.Ports(freePort(), freePort());
        String pscSecret = Secrets.loadOrCreate(root.resolve("secrets.properties")).get(Secrets.PSC_CLIENT_SECRET);
        PscSimulator psc = DemoPsc.start(0, 0, "https://localhost:" + ports.https(), pscSecret);
        try {
            return new Started(start(root, ports, crls, DemoPsc.connection(psc, pscSecret, PSC_HTTP_TIMEOUT_MILLIS)), psc);
        } catch (RuntimeException e) {
            psc.close();
            throw e;
        }
    }

    private RelaisInstance start(Path root, RelaisInstance.Ports ports, CrlServer crls,
                                 fr.relais.runner.PscConnection psc) {
        Path vault = root.resolve("vault");
        try {
            // Keycloak's file vault: the file <realm>_<key> holds ${vault.<key>}.
            Files.createDirectories(vault);
            Files.writeString(vault.resolve(RelaisInstance.REALM + "_" + PSC_VAULT_KEY),
                    Secrets.loadOrCreate(root.resolve("secrets.properties")).get(Secrets.PSC_CLIENT_SECRET));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return RelaisInstance.start(root, ports, DUI_URL, VIATRAJECTOIRE_URL, psc, database,
                settings -> customize(settings
                        .buildOption("vault", "file")
                        .runtimeOption("vault-dir", vault.toAbsolutePath().toString()), crls));
    }

    /** A port free right now on this machine. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a folder left by an earlier run, so an instance starts fresh (its log included). */
    public static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
