package fr.relais.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A Keycloak home folder holding the stock distribution plus the Relais overlay: the same
 * {@code providers/}, {@code conf/} and {@code data/import/} layout the appliance uses.
 * {@code data/} survives re-installation, so a newer build or Keycloak version keeps the database.
 */
public final class KeycloakInstallation {

    private static final String DISTRIBUTION_MARKER = ".relais-distribution";

    private final Path home;

    private KeycloakInstallation(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    /** Installs (or refreshes) the distribution and overlay in {@code home}. */
    public static KeycloakInstallation install(Path home, DistributionArtifacts artifacts) {
        KeycloakInstallation installation = new KeycloakInstallation(home);
        try {
            installation.installDistribution(artifacts);
            installation.applyOverlay(artifacts.overlayZip());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not install Keycloak in " + home, e);
        }
        return installation;
    }

    private void installDistribution(DistributionArtifacts artifacts) throws IOException {
        Path marker = home.resolve(DISTRIBUTION_MARKER);
        String wanted = artifacts.keycloakVersion() + " " + Files.size(artifacts.keycloakZip()) + " "
                + Files.getLastModifiedTime(artifacts.keycloakZip()).toMillis();
        if (Files.isRegularFile(marker) && Files.readString(marker).equals(wanted)) {
            return;
        }
        Files.createDirectories(home);
        try (Stream<Path> children = Files.list(home)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                if (!child.getFileName().toString().equals("data")) {
                    Folders.deleteRecursively(child);
                }
            }
        }
        Zips.extract(artifacts.keycloakZip(), home, 1);
        Files.writeString(marker, wanted);
    }

    private void applyOverlay(Path overlayZip) throws IOException {
        Set<Path> overlay = Zips.extract(overlayZip, home, 0);
        // A Relais module renamed or dropped since the last run must not linger in providers/.
        try (Stream<Path> jars = Files.list(providersDir())) {
            for (Path jar : (Iterable<Path>) jars::iterator) {
                if (jar.getFileName().toString().startsWith("relais-") && !overlay.contains(home.relativize(jar))) {
                    Files.delete(jar);
                }
            }
        }
    }

    public Path home() {
        return home;
    }

    public Path providersDir() {
        return home.resolve("providers");
    }

    public Path confDir() {
        return home.resolve("conf");
    }

    public Path importDir() {
        return home.resolve("data").resolve("import");
    }

    /** Keycloak's dev-file H2 database lives here; its presence means the realm was imported before. */
    public Path databaseDir() {
        return home.resolve("data").resolve("h2");
    }

    /** The RPPS directory's drop folder (its default, {@code data/rpps}). */
    public Path rppsDropFolder() {
        return home.resolve("data").resolve("rpps");
    }

    /** The Java agent of the card login's TLS trust (-javaagent), from the overlay. */
    Path cardTlsAgent() {
        return home.resolve("agents").resolve("relais-card-tls.jar");
    }

    Path launchScript() {
        return home.resolve("bin").resolve("kc.sh");
    }
}
