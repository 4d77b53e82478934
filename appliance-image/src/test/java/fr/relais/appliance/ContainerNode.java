package fr.relais.appliance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.relais.testpki.IssuedCertificate;
import fr.relais.testpki.Pem;
import fr.relais.testpki.TestPki;

/**
 * One appliance container on the host network, with its bind-mounted configuration, state and backup
 * folders under {@code work/<name>}. Its JGroups port is a free one, so nodes of a test cluster (and
 * any other Keycloak on this machine) do not collide.
 */
final class ContainerNode {

    final String name;
    final Path conf;
    final Path state;
    final Path backupDir;
    final int httpsPort;
    final int managementPort;
    final RelaisEndpoint endpoint;
    private final Podman podman;
    private final String image;

    /**
     * @param publicPort          the port users reach (a load balancer's), or 0 for the node's own
     * @param operatorCertificate the server certificate to configure, or null to let the node generate one
     */
    ContainerNode(Podman podman, String image, Path root, String name, String jdbcUrl, String dbPassword, TestPki pki,
                  IssuedCertificate card, IssuedCertificate operatorCertificate, int publicPort) throws IOException {
        this.podman = podman;
        this.image = image;
        this.name = name;
        this.conf = Files.createDirectories(root.resolve("etc"));
        this.state = Files.createDirectories(root.resolve("state"));
        this.backupDir = Files.createDirectories(root.resolve("backup"));
        this.httpsPort = ApplianceFixtures.freePort();
        this.managementPort = ApplianceFixtures.freePort();
        int userPort = publicPort == 0 ? httpsPort : publicPort;
        this.endpoint = new RelaisEndpoint(userPort, managementPort, state, pki, card, operatorCertificate != null,
                this::logs);

        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("RELAIS_DB_PASSWORD", dbPassword);
        extra.put("RELAIS_CLUSTER_BIND_ADDRESS", "127.0.0.1");
        extra.put("RELAIS_CLUSTER_BIND_PORT", Integer.toString(ApplianceFixtures.freePort()));
        if (operatorCertificate != null) {
            StringBuilder chain = new StringBuilder(operatorCertificate.certificatePem());
            for (X509Certificate ca : operatorCertificate.chain().subList(1, operatorCertificate.chain().size())) {
                chain.append(Pem.of(ca));
            }
            Files.writeString(conf.resolve("server.pem"), chain);
            Files.writeString(conf.resolve("server-key.pem"), operatorCertificate.privateKeyPem());
            extra.put("RELAIS_TLS_CERT_FILE", "/etc/relais/server.pem");
            extra.put("RELAIS_TLS_KEY_FILE", "/etc/relais/server-key.pem");
        }
        String relaisConf = ApplianceFixtures.relaisConf(httpsPort, managementPort, jdbcUrl, extra)
                .replace("RELAIS_PUBLIC_URL=https://localhost:" + httpsPort, "RELAIS_PUBLIC_URL=https://localhost:" + userPort);
        Files.writeString(conf.resolve("relais.conf"), relaisConf);
        ApplianceFixtures.writeTestAuthorities(pki, conf.resolve("test-authorities.pem"));
        pki.writeFreshCrls(state.resolve("crl"), Duration.ofDays(7));
        ApplianceFixtures.chownToService(conf);
        ApplianceFixtures.chownToService(state);
        ApplianceFixtures.chownToService(backupDir);
    }

    /** Starts the container and waits until it is ready. */
    void run() {
        // Own host name: Keycloak names its cluster node after it.
        podman.run("run", "--detach", "--name", name, "--hostname", name, "--network", "host",
                "-v", conf + ":/etc/relais:ro", "-v", state + ":/var/lib/relais", "-v", backupDir + ":/backup", image);
        awaitReady();
    }

    void awaitReady() {
        endpoint.awaitReady(Duration.ofMinutes(4),
                () -> podman.run("inspect", "--format", "{{.State.Status}}", name).equals("running"));
    }

    /** The end of the log, for failure messages. */
    String logs() {
        String all = fullLog();
        return all.length() > 8000 ? all.substring(all.length() - 8000) : all;
    }

    String fullLog() {
        return podman.tryRun("logs", name).output();
    }

    /** Saves the log next to the node's folders and removes the container. */
    void remove(Path logDir) throws IOException {
        Files.writeString(logDir.resolve(name + ".log"), podman.tryRun("logs", name).output());
        podman.tryRun("rm", "--force", "--time", "10", name);
    }

    /** Resident memory of the Keycloak JVM, read on the host from the container's process tree. */
    long javaRssKib() throws IOException {
        long pid = Long.parseLong(podman.run("inspect", "--format", "{{.State.Pid}}", name));
        for (ProcessHandle handle : ProcessHandle.of(pid).map(h -> h.descendants().toList()).orElse(List.of())) {
            if (handle.info().command().map(c -> c.endsWith("/java")).orElse(false)) {
                pid = handle.pid();
            }
        }
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }
}
