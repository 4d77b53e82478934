package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import fr.relais.runner.RelaisInstance;

/**
 * The install layout that the local command and the appliance share, checked on the running server:
 * a packaging mistake (a jar missing from the overlay, a service file not registered, the realm file
 * in the wrong place) fails here.
 */
@ExtendWith(RelaisServerExtension.class)
class InstallLayoutIT {

    @Test
    void overlayIsInstalledWhereKeycloakLooksForIt(RelaisInstance relais) throws Exception {
        Path home = relais.installation().home();
        try (Stream<Path> providers = Files.list(home.resolve("providers"))) {
            assertThat(providers.map(p -> p.getFileName().toString()))
                    .contains("relais-spi.jar", "relais-cps-auth.jar", "relais-rpps-directory.jar",
                            "relais-psc-broker.jar", "relais-continuity.jar", "relais-theme.jar");
        }
        assertThat(Files.readAllLines(home.resolve("conf/keycloak.conf")))
                .contains("https-client-auth=request", "https-trust-store-type=relais-cards");
        assertThat(home.resolve("data/import/relais-realm.json")).isRegularFile();
    }

    /** On the JVM's class path, loaded before the HTTPS listener; a copy in providers/ would be a second one. */
    @Test
    void cardTlsAgentIsAJavaAgentOutsideProviders(RelaisInstance relais) throws Exception {
        Path home = relais.installation().home();
        Path agent = home.resolve("agents/relais-card-tls.jar");
        try (JarFile jar = new JarFile(agent.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Premain-Class"))
                    .isEqualTo("fr.relais.cardtls.CardTlsAgent");
        }
        assertThat(home.resolve("providers/relais-card-tls.jar")).doesNotExist();
    }

    @Test
    void everyRelaisProviderIsRegistered(RelaisInstance relais) throws Exception {
        JsonNode providers = new AdminApi(relais).get("serverinfo").get("providers");

        assertThat(providerIds(providers, "authenticator")).contains("relais-cps-card");
        assertThat(providerIds(providers, "relais-professional-directory")).containsExactly("relais-attribute-directory");
        assertThat(providerIds(providers, "identity_provider")).contains("relais-psc");
        assertThat(providerIds(providers, "relais-upstream-health")).containsExactly("relais-upstream-health");
        assertThat(providerIds(providers, "x509cert-lookup")).contains("relais-card-tls", "quarkus");
    }

    @Test
    void relaisLoginThemeIsAvailable(RelaisInstance relais) throws Exception {
        JsonNode loginThemes = new AdminApi(relais).get("serverinfo").get("themes").get("login");
        List<String> names = new ArrayList<>();
        loginThemes.forEach(theme -> names.add(theme.get("name").asText()));
        assertThat(names).contains("relais");
    }

    @Test
    void healthIsServedOnTheManagementPortOnly(RelaisInstance relais) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(relais.pki().serverTrust()).build();
        HttpResponse<String> management = client.send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + relais.managementPort() + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(management.statusCode()).isEqualTo(200);
        assertThat(management.body()).contains("\"UP\"");

        HttpResponse<String> publicPort = client.send(HttpRequest.newBuilder(
                URI.create(relais.baseUrl() + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(publicPort.statusCode()).isEqualTo(404);
    }

    private static List<String> providerIds(JsonNode providers, String spi) {
        JsonNode spiNode = providers.get(spi);
        assertThat(spiNode).as("SPI %s in server info", spi).isNotNull();
        List<String> ids = new ArrayList<>();
        spiNode.get("providers").fieldNames().forEachRemaining(ids::add);
        return ids;
    }
}
