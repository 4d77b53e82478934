package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.relais.runner.DemoPki;
import fr.relais.runner.DistributionArtifacts;
import fr.relais.runner.KeycloakInstallation;
import fr.relais.runner.KeycloakProcess;
import fr.relais.runner.RelaisInstance;
import fr.relais.runner.Secrets;
import fr.relais.runner.ServerSettings;

/**
 * The card trust store type exists only with the card TLS agent: a Keycloak started without it (an
 * operator's own launcher that forgets {@code -javaagent}) must not come up with some other check of card
 * certificates, but refuse to start and say why.
 */
class CardTlsAgentRequiredIT {

    @Test
    void withoutTheAgentKeycloakRefusesToStartAndNamesTheCardTrustStoreType(@TempDir Path root) throws Exception {
        KeycloakInstallation installation = KeycloakInstallation.install(root.resolve("keycloak"), DistributionArtifacts.fromBuild());
        Files.delete(installation.home().resolve("agents/relais-card-tls.jar"));
        Secrets secrets = Secrets.loadOrCreate(root.resolve("secrets.properties"));
        DemoPki pki = DemoPki.loadOrCreate(root.resolve("pki"), secrets.get(Secrets.PKI_PASSWORD));
        ServerSettings settings = ServerSettings.devFileDatabase()
                .ports(RelaisServerExtension.freePort(), RelaisServerExtension.freePort())
                .tls(pki.serverCertificate(), pki.serverKey(), pki.cardTrustStore(), secrets.get(Secrets.PKI_PASSWORD))
                .bootstrapAdmin(RelaisInstance.ADMIN_USERNAME, secrets.get(Secrets.ADMIN_PASSWORD));
        Path log = root.resolve("keycloak.log");

        assertThatThrownBy(() -> KeycloakProcess.start(installation, settings, pki.serverTrust(), log, Duration.ofMinutes(5)))
                .hasMessageContaining("exited");
        assertThat(Files.readString(log)).contains("Unable to start HTTP server").contains("RELAIS-CARDS not found");
    }
}
