package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import fr.relais.testpki.Pem;

/** A headless Chromium driven through chromedriver, with its own profile and NSS database under a test folder. */
public final class Chromium {

    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    /** Skips the test when Chromium or the NSS tools are missing, unless RELAIS_REQUIRE_BROWSER says they must be there. */
    public static void assumeInstalled() {
        boolean present = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER) && onPath("pk12util");
        if (System.getenv("RELAIS_REQUIRE_BROWSER") != null) {
            assertThat(present).as("chromium, chromium-driver and libnss3-tools are installed").isTrue();
        }
        Assumptions.assumeTrue(present, "Browser test skipped: apt-get install chromium chromium-driver libnss3-tools");
    }

    public static ChromeDriver start(Path home) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createDirectories(home.resolve("profile")));
        // Without a matching rule Chromium waits on a certificate picker nobody can see.
        options.setExperimentalOption("prefs", Map.of("profile", Map.of("content_settings", Map.of("exceptions",
                Map.of("auto_select_certificate", Map.of("https://localhost:*,*",
                        Map.of("setting", Map.of("filters", List.of(Map.of())))))))));
        options.setPageLoadTimeout(Duration.ofSeconds(30));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("HOME", home.toString()))
                .build();
        return new ChromeDriver(service, options);
    }

    /**
     * Chromium on Linux reads client certificates and extra trust only from $HOME/.pki/nssdb: the
     * roots make the server's certificate trusted, the card (when given) is offered to it.
     */
    public static void prepareNssDatabase(Path home, Path card, String password, List<X509Certificate> roots) throws Exception {
        Path db = Files.createDirectories(home.resolve(".pki/nssdb"));
        run("certutil", "-N", "-d", "sql:" + db, "--empty-password");
        if (card != null) {
            run("pk12util", "-i", card.toString(), "-d", "sql:" + db, "-W", password, "-K", "");
        }
        for (int i = 0; i < roots.size(); i++) {
            Path pem = home.resolve("root-" + i + ".pem");
            Files.writeString(pem, Pem.of(roots.get(i)));
            run("certutil", "-A", "-d", "sql:" + db, "-n", "relais-test-root-" + i, "-t", "C,,", "-i", pem.toString());
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
