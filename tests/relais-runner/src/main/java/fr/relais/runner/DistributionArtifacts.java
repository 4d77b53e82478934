package fr.relais.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the build put the two things a Relais installation is made of: the stock Keycloak
 * distribution zip and the Relais overlay zip. Maven writes their paths into
 * {@code relais-runner.properties}, so nothing here guesses at repository layouts.
 */
public record DistributionArtifacts(String keycloakVersion, Path keycloakZip, Path overlayZip) {

    public static DistributionArtifacts fromBuild() {
        Properties properties = new Properties();
        try (InputStream in = DistributionArtifacts.class.getResourceAsStream("/relais-runner.properties")) {
            if (in == null) {
                throw new IllegalStateException("relais-runner.properties is missing from the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DistributionArtifacts artifacts = new DistributionArtifacts(
                properties.getProperty("keycloak.version"),
                Path.of(properties.getProperty("keycloak.dist.zip")),
                Path.of(properties.getProperty("relais.overlay.zip")));
        for (Path zip : new Path[] {artifacts.keycloakZip, artifacts.overlayZip}) {
            if (!Files.isRegularFile(zip)) {
                throw new IllegalStateException(zip + " does not exist: build the project first (./mvnw package)");
            }
        }
        return artifacts;
    }
}
