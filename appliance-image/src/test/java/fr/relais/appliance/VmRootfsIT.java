package fr.relais.appliance;

import static fr.relais.appliance.ApplianceFixtures.ID_NAT_PS;
import static fr.relais.appliance.RelaisEndpoint.claims;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.relais.testpki.IssuedCertificate;
import fr.relais.testpki.TestPki;

/**
 * The VM appliance's root file system booted with {@code systemd-nspawn -b}: systemd starts
 * PostgreSQL, relais-db-init (role, database, generated password) and relais.service; the realm
 * answers, a TEST card signs in, and {@code systemctl restart relais} keeps the SSO session.
 * Host network (no bridge to undo), volatile root (the image is left untouched), the state folder
 * bind-mounted from target/ so the test reads the generated certificate and secrets.
 */
class VmRootfsIT {

    private static Path rootfs;
    private static Path work;
    private static Process machine;
    private static long leader;
    private static final Map<String, String> FIGURES = new LinkedHashMap<>();

    @BeforeAll
    static void requireRootfs() {
        rootfs = ApplianceFixtures.target().resolve("vm-rootfs");
        ApplianceFixtures.requireOrSkip("VM rootfs boot test",
                !Files.isDirectory(rootfs) ? rootfs + " was not built (see the build-vm-rootfs output above)"
                        : !ApplianceFixtures.onPath("systemd-nspawn") ? "systemd-nspawn is not installed (systemd-container)"
                        : !ApplianceFixtures.onPath("nsenter") ? "nsenter is not installed" : null);
    }

    @AfterAll
    static void powerOff() throws Exception {
        if (machine != null && machine.isAlive()) {
            Instant asked = Instant.now();
            machine.destroy(); // SIGTERM: nspawn asks systemd for a clean power-off
            if (!machine.waitFor(90, TimeUnit.SECONDS)) {
                machine.destroyForcibly();
            }
            FIGURES.put("vm_poweroff_seconds", ApplianceFixtures.seconds(asked));
        }
        // nspawn leaves this behind when /run is not a tmpfs (as on this kind of machine).
        ApplianceFixtures.deleteRecursively(Path.of("/run/systemd/nspawn/propagate", rootfs.getFileName().toString()));
        ApplianceFixtures.recordFigures(FIGURES);
    }

    @Test
    void theShippedConfigurationWaitsForTheOperator() throws IOException {
        // No hostname: relais-start stops with a message (exit 78, not restarted) until the operator
        // fills relais.conf in, so the realm is never imported with the example's values.
        assertThat(Files.readAllLines(rootfs.resolve("etc/relais/relais.conf"))).contains("RELAIS_HOSTNAME=")
                .contains("RELAIS_DB_URL=jdbc:postgresql://127.0.0.1:5432/relais");
        assertThat(Files.readString(rootfs.resolve("etc/motd"))).contains("/etc/relais/relais.conf");
    }

    @Test
    void bootsWithSystemdSignsACardInAndKeepsTheSessionAcrossAServiceRestart() throws Exception {
        work = ApplianceFixtures.target().resolve("vm-it");
        ApplianceFixtures.deleteRecursively(work);
        Path etc = Files.createDirectories(work.resolve("etc"));
        Path state = Files.createDirectories(work.resolve("state"));
        TestPki pki = TestPki.generate();
        IssuedCertificate card = pki.card(ID_NAT_PS).givenName("Claire").surname("MARTIN").title("Infirmier")
                .professionCode(60).testCard(true).issue();
        int httpsPort = ApplianceFixtures.freePort();
        int managementPort = ApplianceFixtures.freePort();
        int postgresPort = ApplianceFixtures.freePort();
        Files.writeString(etc.resolve("relais.conf"), ApplianceFixtures.relaisConf(httpsPort, managementPort,
                "jdbc:postgresql://127.0.0.1:" + postgresPort + "/relais",
                Map.of("RELAIS_CLUSTER_BIND_ADDRESS", "127.0.0.1",
                        "RELAIS_CLUSTER_BIND_PORT", Integer.toString(ApplianceFixtures.freePort()))));
        // The machine shares the host's network: its PostgreSQL listens on a free port, loopback only.
        Files.writeString(etc.resolve("postgresql-test.conf"),
                "port = " + postgresPort + "\nlisten_addresses = '127.0.0.1'\n");
        ApplianceFixtures.writeTestAuthorities(pki, etc.resolve("test-authorities.pem"));
        pki.writeFreshCrls(state.resolve("crl"), Duration.ofDays(7));
        for (Path file : List.of(etc.resolve("relais.conf"), etc.resolve("postgresql-test.conf"),
                etc.resolve("test-authorities.pem"))) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
        ApplianceFixtures.chownToService(state);
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwx------"));

        Instant booted = Instant.now();
        machine = new ProcessBuilder("systemd-nspawn", "--quiet", "--boot", "--keep-unit", "--register=no",
                "--volatile=overlay", "--directory=" + rootfs,
                "--bind-ro=" + etc.resolve("relais.conf") + ":/etc/relais/relais.conf",
                "--bind-ro=" + etc.resolve("test-authorities.pem") + ":/etc/relais/test-authorities.pem",
                "--bind-ro=" + etc.resolve("postgresql-test.conf") + ":/etc/postgresql/15/main/conf.d/relais-test.conf",
                "--bind=" + state + ":/var/lib/relais")
                .redirectInput(new File("/dev/null"))
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("console.log").toFile())
                .start();
        RelaisEndpoint relais = new RelaisEndpoint(httpsPort, managementPort, state, pki, card, false, this::diagnostics);
        relais.awaitReady(Duration.ofMinutes(5), machine::isAlive);
        FIGURES.put("vm_first_boot_ready_seconds", ApplianceFixtures.seconds(booted));
        leader = ProcessHandle.of(machine.pid()).flatMap(h -> h.children().findFirst())
                .orElseThrow(() -> new IllegalStateException("no container init")).pid();

        assertThat(inside("systemctl", "is-active", "postgresql@15-main", "relais-db-init", "relais"))
                .isEqualTo("active\nactive\nactive");
        assertThat(inside("stat", "-c", "%a %U", "/var/lib/relais/secrets.env")).isEqualTo("600 keycloak");
        assertThat(relais.secrets()).containsKeys("RELAIS_DB_PASSWORD", "RELAIS_ADMIN_PASSWORD");
        assertThat(relais.discovery().get("issuer").asText()).isEqualTo(relais.realmUrl());

        relais.createProfessional(ID_NAT_PS);
        CookieManager cookies = new CookieManager();
        JsonNode tokens = relais.cardLogin(cookies);
        assertThat(ApplianceFixtures.storedCrls("jdbc:postgresql://127.0.0.1:" + postgresPort + "/relais", "relais",
                relais.secrets().get("RELAIS_DB_PASSWORD"))).isEqualTo("bytea, 4");
        assertThat(claims(tokens.get("id_token").asText()).get("idnat_ps").asText()).isEqualTo(ID_NAT_PS);

        Thread.sleep(5_000);
        FIGURES.put("vm_total_rss_at_rest_mib", Long.toString(totalRssKib(leader) / 1024));

        Instant restarted = Instant.now();
        inside("systemctl", "restart", "relais");
        relais.awaitReady(Duration.ofMinutes(4), machine::isAlive);
        FIGURES.put("vm_service_restart_ready_seconds", ApplianceFixtures.seconds(restarted));
        assertThat(relais.authorize(relais.http(false, cookies))).isNotBlank();
        var refreshed = relais.tokenRequest(Map.of("grant_type", "refresh_token",
                "refresh_token", tokens.get("refresh_token").asText()));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(inside("sh", "-c", "journalctl --no-pager -u relais | grep -c 'starting Relais'")).isEqualTo("2");
    }

    /** Runs a command in the booted machine's namespaces; returns its trimmed output. */
    private static String inside(String... command) {
        List<String> full = new ArrayList<>(List.of("nsenter", "--target", Long.toString(leader), "--all"));
        full.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            process.waitFor(2, TimeUnit.MINUTES);
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long totalRssKib(long root) throws IOException {
        long total = 0;
        List<ProcessHandle> all = new ArrayList<>(ProcessHandle.of(root).map(h -> h.descendants().toList()).orElse(List.of()));
        ProcessHandle.of(root).ifPresent(all::add);
        for (ProcessHandle handle : all) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(handle.pid()), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        total += Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException gone) {
                // exited meanwhile
            }
        }
        return total;
    }

    private String diagnostics() {
        StringBuilder text = new StringBuilder();
        try {
            String console = Files.readString(work.resolve("console.log"));
            text.append(console.length() > 3000 ? console.substring(console.length() - 3000) : console);
        } catch (IOException e) {
            text.append("(no console log)");
        }
        if (leader > 0) {
            text.append("\n--- journal ---\n").append(inside("journalctl", "--no-pager", "-n", "60",
                    "-u", "relais", "-u", "relais-db-init", "-u", "postgresql@15-main"));
        }
        return text.toString();
    }
}
