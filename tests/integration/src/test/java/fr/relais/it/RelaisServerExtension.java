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

import fr.relais.runner.RelaisInstance;

/**
 * One Relais for the whole test run, started exactly as {@code ./relais dev} starts it (same runner,
 * same install layout), in a fresh folder and on free ports. Test classes receive it as a parameter.
 */
public final class RelaisServerExtension implements ParameterResolver {

    /** The demo DUI app's port: the browser test runs it there; the others only read redirects to it. */
    public static final int DUI_PORT = freePort();
    public static final String DUI_URL = "http://localhost:" + DUI_PORT;
    /** The tests read redirects to this URL from Location headers; nothing listens there. */
    public static final String VIATRAJECTOIRE_URL = "https://viatrajectoire.relais.test";

    /** Authorities whose CRLs Keycloak downloads from the test CRL server. */
    static final String[] CARD_AUTHORITIES = {"ACI-FO-PP-TEST", "ACI-ST-PP-TEST"};

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RelaisInstance.class || type == CrlServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        CrlServer crls = store.getOrComputeIfAbsent(CrlServer.class, key -> {
            CrlServer server = new CrlServer(freePort());
            server.start();
            return server;
        }, CrlServer.class);
        RelaisInstance relais = store.getOrComputeIfAbsent(RelaisInstance.class, key -> start(crls), RelaisInstance.class);
        return parameter.getParameter().getType() == CrlServer.class ? crls : relais;
    }

    private static RelaisInstance start(CrlServer crls) {
        Path root = Path.of(System.getProperty("relais.it.root", "target/relais-it"));
        deleteRecursively(root);
        return RelaisInstance.start(root, new RelaisInstance.Ports(freePort(), freePort()), DUI_URL, VIATRAJECTOIRE_URL,
                settings -> settings
                        .runtimeOption(RelaisInstance.CARD_OPTION + "crl-urls", String.join(",",
                                java.util.Arrays.stream(CARD_AUTHORITIES).map(crls::url).toList()))
                        .runtimeOption(RelaisInstance.CARD_OPTION + "crl-refresh-seconds", "2"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path root) {
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
