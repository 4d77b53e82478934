package fr.relais.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;

/**
 * Keycloak running from an installation, in production mode: {@code kc.sh build} when the build-time
 * inputs changed, then {@code kc.sh start --optimized --import-realm}, as the appliance does.
 */
public final class KeycloakProcess implements AutoCloseable {

    private static final String BUILD_FINGERPRINT = "lib/.relais-build";

    private final Process process;
    private final Path log;

    private KeycloakProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts Keycloak and returns once its readiness check answers UP.
     *
     * @param serverTrust trusts the server certificate, for the readiness probe
     * @param log         receives the output of {@code kc.sh build} and of the server
     */
    public static KeycloakProcess start(KeycloakInstallation installation, ServerSettings settings, SSLContext serverTrust,
                                        Path log, Duration timeout) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            buildIfNeeded(installation, settings, log);
            List<String> command = command(installation, "start", "--optimized");
            command.addAll(settings.startArguments());
            ProcessBuilder builder = processBuilder(installation, settings, command)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            KeycloakProcess keycloak = new KeycloakProcess(builder.start(), log);
            keycloak.awaitReady(settings, serverTrust, timeout);
            return keycloak;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void buildIfNeeded(KeycloakInstallation installation, ServerSettings settings, Path log)
            throws IOException {
        Path fingerprintFile = installation.home().resolve(BUILD_FINGERPRINT);
        String fingerprint = buildFingerprint(installation, settings);
        if (Files.isRegularFile(fingerprintFile) && Files.readString(fingerprintFile).equals(fingerprint)) {
            return;
        }
        List<String> command = command(installation, "build");
        command.addAll(settings.buildArguments());
        ProcessBuilder builder = processBuilder(installation, settings, command)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process build = builder.start();
        try {
            if (!build.waitFor(10, TimeUnit.MINUTES) || build.exitValue() != 0) {
                build.destroyForcibly();
                throw new IllegalStateException("kc.sh build failed; see " + log + "\n" + tail(log));
            }
        } catch (InterruptedException e) {
            build.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during kc.sh build", e);
        }
        Files.writeString(fingerprintFile, fingerprint);
    }

    /** Everything {@code kc.sh build} reads: build options, providers and configuration files. */
    private static String buildFingerprint(KeycloakInstallation installation, ServerSettings settings) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(String.join("\n", settings.buildArguments()).getBytes(StandardCharsets.UTF_8));
            for (Path dir : List.of(installation.providersDir(), installation.confDir())) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                        digest.update(installation.home().relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                        digest.update(Files.readAllBytes(file));
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> command(KeycloakInstallation installation, String... verb) {
        List<String> command = new ArrayList<>();
        // Through bash: file modes are not always preserved when the distribution is unpacked.
        command.add("bash");
        command.add(installation.launchScript().toString());
        command.addAll(List.of(verb));
        return command;
    }

    private static ProcessBuilder processBuilder(KeycloakInstallation installation, ServerSettings settings,
                                                 List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(installation.home().toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(settings.environment());
        // The card TLS agent, as the appliance's relais-start loads it, ahead of any options of the settings;
        // a stock Keycloak (the benchmarks' reference) has none.
        if (Files.isRegularFile(installation.cardTlsAgent())) {
            String agent = "-javaagent:" + installation.cardTlsAgent();
            builder.environment().merge("JAVA_OPTS_APPEND", agent, (options, ignored) -> agent + " " + options);
        }
        return builder;
    }

    private void awaitReady(ServerSettings settings, SSLContext serverTrust, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().sslContext(serverTrust)
                .connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create("https://localhost:" + settings.managementPort() + "/health/ready");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with status " + process.exitValue()
                        + " during start-up; see " + log + "\n" + tail(log));
            }
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Port not open yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            sleep(Duration.ofMillis(500));
        }
        close();
        throw new IllegalStateException("Keycloak was not ready within " + timeout + "; see " + log + "\n" + tail(log));
    }

    /**
     * The Keycloak JVM (a direct child of kc.sh), for CPU and memory readings. Not any descendant: a
     * short-lived java process further down the tree was once picked instead, and the bench pinned the
     * wrong process.
     */
    public ProcessHandle jvm() {
        return process.children().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .findFirst().orElse(process.toHandle());
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Blocks until Keycloak exits. */
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** Stops Keycloak: kc.sh runs the JVM as a child, so the whole process tree is signalled. */
    @Override
    public void close() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plusSeconds(30);
        for (ProcessHandle handle : tree) {
            while (handle.isAlive() && Instant.now().isBefore(deadline)) {
                sleep(Duration.ofMillis(100));
            }
            handle.destroyForcibly();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
