package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import fr.relais.runner.DemoDuiApp;
import fr.relais.runner.DemoProfessional;
import fr.relais.runner.DemoPki;
import fr.relais.runner.RelaisInstance;
import fr.relais.runner.Secrets;
import fr.relais.testpki.Pem;

/**
 * A real Chromium with a demo card in its NSS database (where Chromium on Linux looks for client
 * certificates) signs in to the demo DUI: what a professional does after importing their card.
 */
@ExtendWith(RelaisServerExtension.class)
class CardLoginBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void chromiumWithACardLandsSignedInOnTheDemoDui(RelaisInstance relais, @TempDir Path home) throws Exception {
        boolean required = System.getenv("RELAIS_REQUIRE_BROWSER") != null;
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER) && onPath("pk12util");
        if (required) {
            assertThat(present).as("chromium, chromium-driver and libnss3-tools are installed").isTrue();
        }
        Assumptions.assumeTrue(present, "Browser test skipped: apt-get install chromium chromium-driver libnss3-tools");

        DemoProfessional claire = DemoProfessional.ALL.get(0);
        DemoPki pki = relais.pki();
        prepareNssDatabase(home, pki.cardFile(claire), relais.secrets().get(Secrets.PKI_PASSWORD), pki.hierarchy().trustAnchors());

        try (DemoDuiApp dui = DemoDuiApp.start(RelaisServerExtension.DUI_PORT, relais.realmUrl(),
                relais.secrets().get(Secrets.DUI_CLIENT_SECRET), pki.serverTrust())) {
            WebDriver browser = chromium(home);
            try {
                browser.get(dui.url() + "/login");
                new WebDriverWait(browser, Duration.ofSeconds(30))
                        .until(ExpectedConditions.presenceOfElementLocated(By.id("id_token")));
                assertThat(browser.getCurrentUrl()).startsWith(dui.url() + "/callback");
                String idToken = browser.findElement(By.id("id_token")).getText();
                assertThat(idToken).contains("\"idnat_ps\":\"" + claire.idNatPs() + "\"").contains("\"acr\":\"mie-2fa\"");
            } finally {
                browser.quit();
            }
        }
    }

    private static WebDriver chromium(Path home) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createDirectories(home.resolve("profile")));
        // Without a matching rule Chromium waits on a certificate picker nobody can see.
        options.setExperimentalOption("prefs", Map.of("profile", Map.of("content_settings", Map.of("exceptions",
                Map.of("auto_select_certificate", Map.of("https://localhost:*,*",
                        Map.of("setting", Map.of("filters", List.of(Map.of())))))))));
        options.setPageLoadTimeout(Duration.ofSeconds(30));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("HOME", home.toString()))
                .build();
        return new ChromeDriver(service, options);
    }

    /** Chromium on Linux reads client certificates and extra trust only from $HOME/.pki/nssdb. */
    private static void prepareNssDatabase(Path home, Path card, String password, List<X509Certificate> roots)
            throws Exception {
        Path db = Files.createDirectories(home.resolve(".pki/nssdb"));
        run("certutil", "-N", "-d", "sql:" + db, "--empty-password");
        run("pk12util", "-i", card.toString(), "-d", "sql:" + db, "-W", password, "-K", "");
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
