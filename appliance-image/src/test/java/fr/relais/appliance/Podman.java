package fr.relais.appliance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The podman command with the build's private configuration ({@code src/main/sh/containers-env.sh}:
 * storage under target/containers, runc, cgroupfs, host network only), so a test leaves nothing on the
 * host: no CNI network, no iptables rule, no image outside target/.
 */
final class Podman {

    private final Path shDir;
    private final Path target;

    Podman(Path shDir, Path target) {
        this.shDir = shDir;
        this.target = target;
    }

    static boolean installed() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "podman"))) {
                return true;
            }
        }
        return false;
    }

    /** Runs podman and returns its standard output; fails with the output when it exits non-zero. */
    String run(String... arguments) {
        Result result = tryRun(arguments);
        if (result.exit() != 0) {
            throw new IllegalStateException("podman " + String.join(" ", arguments) + " exited with " + result.exit()
                    + ":\n" + result.output());
        }
        return result.output().trim();
    }

    record Result(int exit, String output) {
    }

    Result tryRun(String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash", "-c",
                ". \"$0\" \"$1\" && shift && exec podman \"$@\"",
                shDir.resolve("containers-env.sh").toString(), target.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("podman " + String.join(" ", arguments) + " hangs");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
