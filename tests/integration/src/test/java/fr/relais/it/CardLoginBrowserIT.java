package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import fr.relais.runner.DemoDuiApp;
import fr.relais.runner.DemoProfessional;
import fr.relais.runner.DemoPki;
import fr.relais.runner.RelaisInstance;
import fr.relais.runner.Secrets;

/**
 * A real Chromium with a demo card in its NSS database (where Chromium on Linux looks for client
 * certificates) signs in to the demo DUI: what a professional does after importing their card.
 */
@ExtendWith(RelaisServerExtension.class)
class CardLoginBrowserIT {

    @Test
    void chromiumWithACardLandsSignedInOnTheDemoDui(RelaisInstance relais, @TempDir Path home) throws Exception {
        Chromium.assumeInstalled();

        DemoProfessional claire = DemoProfessional.ALL.get(0);
        DemoPki pki = relais.pki();
        Chromium.prepareNssDatabase(home, pki.cardFile(claire), relais.secrets().get(Secrets.PKI_PASSWORD),
                pki.hierarchy().trustAnchors());

        try (DemoDuiApp dui = DemoDuiApp.start(RelaisServerExtension.DUI_PORT, relais.realmUrl(),
                relais.secrets().get(Secrets.DUI_CLIENT_SECRET), pki.serverTrust())) {
            WebDriver browser = Chromium.start(home);
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
}
