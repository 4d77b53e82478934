package fr.relais.appliance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An appliance node as an earlier Keycloak release ran it, on this host: that release's stock
 * distribution built for PostgreSQL with this image's build options ({@code conf/keycloak.conf}, less
 * the lines that release's appliance did not have),
 * started by this image's own {@code relais-start} with a {@link ContainerNode}'s configuration and
 * state folders, so that the node's container later starts on the same database, secrets and keys.
 * <p>
 * The Relais extensions of this version need Keycloak 26.7 APIs and do not load on an earlier
 * Keycloak, so this node runs without them. The baseline realm is imported all the same, as the
 * earlier Keycloak stores it: flows, required actions, mappers and theme name referring to Relais
 * providers are kept as data; only the two parts whose creation runs Relais code are left out (the
 * Pro Santé Connect identity provider and the RPPS directory component).
 */
final class PreviousKeycloak implements AutoCloseable {

    private static final List<String> LINES_THE_EARLIER_APPLIANCE_LACKED =
            List.of("features=", "https-trust-store-type=");

    private final Path home;
    private final Path log;
    private Process process;

    private PreviousKeycloak(Path home, Path log) {
        this.home = home;
        this.log = log;
    }

    /**
     * Unpacks {@code distributionZip} as {@code home}, with the image's build options and baseline
     * realm from {@code imageContext} (target/image-context), and runs {@code kc.sh build --db=postgres}.
     */
    static PreviousKeycloak install(Path distributionZip, Path imageContext, Path home) throws IOException {
        ApplianceFixtures.deleteRecursively(home);
        Path unpack = Files.createDirectories(home.resolveSibling(home.getFileName() + ".unpack"));
        ApplianceFixtures.run("unzip", "-q", distributionZip.toString(), "-d", unpack.toString());
        try (var top = Files.list(unpack)) {
            Files.move(top.findFirst().orElseThrow(), home);
        }
        Files.delete(unpack);
        Path keycloak = imageContext.resolve("keycloak");
        // Less the lines an appliance of that release did not have: the features line names a Keycloak
        // feature (identity brokering API v2) the release lacks; the trust store type is the card TLS
        // agent's, which that appliance did not have.
        Files.write(home.resolve("conf/keycloak.conf"), Files.readAllLines(keycloak.resolve("conf/keycloak.conf")).stream()
                .filter(line -> LINES_THE_EARLIER_APPLIANCE_LACKED.stream().noneMatch(line::startsWith)).toList());
        ObjectNode realm = (ObjectNode) RelaisEndpoint.JSON.readTree(
                keycloak.resolve("data/import/relais-realm.json").toFile());
        realm.remove(List.of("identityProviders", "identityProviderMappers"));
        ((ObjectNode) realm.get("components")).remove("org.keycloak.storage.UserStorageProvider");
        Files.createDirectories(home.resolve("data/import"));
        RelaisEndpoint.JSON.writeValue(home.resolve("data/import/relais-realm.json").toFile(), realm);

        PreviousKeycloak previous = new PreviousKeycloak(home, home.resolveSibling(home.getFileName() + ".log"));
        Process build = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "build", "--db=postgres")
                .redirectErrorStream(true).redirectOutput(previous.log.toFile()).start();
        try {
            if (build.waitFor() != 0) {
                throw new IllegalStateException("kc.sh build of " + distributionZip + " failed:\n" + previous.log());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return previous;
    }

    /**
     * Starts this Keycloak with {@code node}'s relais.conf and state folder through the image's
     * {@code relais-start}, the container paths of relais.conf replaced by the host's, and waits
     * until it is ready; returns the node's endpoint, with this log in its failure messages.
     */
    RelaisEndpoint start(ContainerNode node, Path imageContext) throws IOException {
        Path rootfs = imageContext.resolve("rootfs");
        ProcessBuilder builder = new ProcessBuilder("bash", rootfs.resolve("usr/local/bin/relais-start").toString())
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(Map.of(
                "RELAIS_CONF", node.conf.resolve("relais.conf").toString(),
                "RELAIS_STATE_DIR", node.state.toString(),
                "RELAIS_KEYCLOAK_HOME", home.toString(),
                "RELAIS_SHARE_DIR", rootfs.resolve("usr/share/relais").toString(),
                "RELAIS_CPS_TEST_AUTHORITIES", node.conf.resolve("test-authorities.pem").toString()));
        process = builder.start();
        RelaisEndpoint endpoint = node.endpoint.withDiagnostics(this::log);
        endpoint.awaitReady(Duration.ofMinutes(4), process::isAlive);
        return endpoint;
    }

    /** Stops Keycloak (kc.sh runs the JVM as a child: the whole tree is signalled) and waits for it. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plusSeconds(60);
        for (ProcessHandle handle : tree) {
            while (handle.isAlive() && Instant.now().isBefore(deadline)) {
                RelaisEndpoint.sleep(200);
            }
            handle.destroyForcibly();
        }
    }

    /** The end of the log (build and server), for failure messages. */
    String log() {
        try {
            String all = Files.readString(log, StandardCharsets.UTF_8);
            return all.length() > 8000 ? all.substring(all.length() - 8000) : all;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
