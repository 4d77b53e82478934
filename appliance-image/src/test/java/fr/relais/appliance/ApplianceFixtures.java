package fr.relais.appliance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import fr.relais.testpki.CertificateAuthority;
import fr.relais.testpki.Pem;
import fr.relais.testpki.TestPki;

/** What the appliance tests share: build outputs, skip rules, configuration files, CRLs, figures. */
final class ApplianceFixtures {

    static final String ID_NAT_PS = "899700100011";

    private ApplianceFixtures() {
    }

    static Path target() {
        return Path.of(System.getProperty("appliance.target", "target")).toAbsolutePath();
    }

    static String version() {
        return System.getProperty("appliance.version", "0.1.0-SNAPSHOT");
    }

    static Path shDir() {
        return Path.of(System.getProperty("appliance.sh", "src/main/sh")).toAbsolutePath();
    }

    /** Skips the test with {@code missing} as the reason, or fails it in CI (RELAIS_REQUIRE_APPLIANCE=1). */
    static void requireOrSkip(String what, String missing) {
        if (missing == null) {
            return;
        }
        if ("1".equals(System.getenv("RELAIS_REQUIRE_APPLIANCE"))) {
            throw new AssertionError("RELAIS_REQUIRE_APPLIANCE=1 but " + missing);
        }
        // Printed as well: Maven's summary counts skipped tests without their reason.
        System.err.println(what + " SKIPPED: " + missing + " (RELAIS_REQUIRE_APPLIANCE=1 makes this a failure)");
        Assumptions.abort(what + " SKIPPED: " + missing);
    }

    static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    /** relais.conf for a test appliance on this machine: TEST cards accepted, CRLs from the drop folder. */
    static String relaisConf(int httpsPort, int managementPort, String dbUrl, Map<String, String> extra) {
        String conf = """
                # written by the appliance tests
                RELAIS_ORGANISATION_NAME="EHPAD d'essai"
                RELAIS_FINESS=010000001
                RELAIS_HOSTNAME=localhost
                RELAIS_PUBLIC_URL=https://localhost:%d
                RELAIS_HTTPS_PORT=%d
                RELAIS_MANAGEMENT_PORT=%d
                RELAIS_DB_URL=%s
                RELAIS_DB_USERNAME=relais
                RELAIS_DUI_URL=%s
                RELAIS_VIATRAJECTOIRE_URL=https://viatrajectoire.relais.test
                RELAIS_CPS_TEST_MODE=true
                RELAIS_CPS_TEST_AUTHORITIES=/etc/relais/test-authorities.pem
                RELAIS_CRL_URLS=none
                RELAIS_CRL_REFRESH_SECONDS=5
                RELAIS_JAVA_HEAP=512m
                """.formatted(httpsPort, httpsPort, managementPort, dbUrl, RelaisEndpoint.DUI_URL);
        return conf + extra.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue() + "\n").collect(Collectors.joining());
    }

    static void writeTestAuthorities(TestPki pki, Path file) {
        Pem.writeTrustStorePem(file, pki.authorities().stream().map(CertificateAuthority::certificate).toList());
    }

    /**
     * The CRLs the card provider stored in the appliance's PostgreSQL, as "type of the DER column, number
     * of rows": the drop folder's CRLs must land there as {@code bytea} (an {@code oid} column made
     * every store fail on PostgreSQL, and with it every card login).
     */
    static String storedCrls(String jdbcUrl, String user, String password) throws Exception {
        return query(jdbcUrl, user, password, "select (select data_type from information_schema.columns"
                + " where table_name = 'relais_crl' and column_name = 'der'),"
                + " (select count(*) from relais_crl where octet_length(der) > 0)");
    }

    /** The first row of {@code sql}, its columns joined by ", ". */
    static String query(String jdbcUrl, String user, String password, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                columns.add(row.getString(i));
            }
            return String.join(", ", columns);
        }
    }

    /** The image runs as uid 1000 (keycloak): folders it writes must belong to it. */
    static void chownToService(Path path) {
        run("chown", "-R", "1000:1000", path.toString());
    }

    static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String seconds(Instant since) {
        return String.format(Locale.ROOT, "%.1f", Duration.between(since, Instant.now()).toMillis() / 1000.0);
    }

    /** Appends measured figures to target/appliance-figures.txt and prints them. */
    static void recordFigures(Map<String, String> figures) throws IOException {
        if (figures.isEmpty()) {
            return;
        }
        String lines = figures.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(target().resolve("appliance-figures.txt"), lines, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.print("Appliance figures:\n" + lines);
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
