package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import fr.relais.runner.DemoDuiApp;
import fr.relais.runner.DemoProfessional;
import fr.relais.runner.DemoPki;
import fr.relais.runner.RelaisInstance;
import fr.relais.runner.Secrets;
import fr.relais.testpki.IssuedCertificate;
import fr.relais.testpki.TestPki;

/**
 * A real Chromium with a demo card in its NSS database (where Chromium on Linux looks for client
 * certificates) signs in to the demo DUI: what a professional does after importing their card.
 */
@ExtendWith(RelaisServerExtension.class)
class CardLoginBrowserIT {

    /** How Chromium reports a TLS handshake that refused its client certificate (see the test below). */
    private static final List<String> TLS_REFUSALS =
            List.of("ERR_BAD_SSL_CLIENT_AUTH_CERT", "ERR_SOCKET_NOT_CONNECTED", "ERR_CONNECTION_RESET");

    /** The card step's unknown-authority message (relais.card.unknownCa), in French or English. */
    private static final List<String> UNKNOWN_AUTHORITY_MESSAGE =
            List.of("autorité de certification reconnue", "recognised certification authority");

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

    /**
     * What a professional whose card the TLS layer cannot verify actually sees in Chromium (the README's
     * table relies on it): Chromium on Linux does not offer an expired certificate at all, so the
     * professional lands on the login page as without a card; a look-alike certificate (same issuer name
     * as a real authority, so Chromium offers it) completes the handshake (card TLS agent) and gets the
     * card step's page saying the authority is not recognised, not Chromium's own error page.
     */
    @Test
    void cardsTheTlsLayerCannotVerifyEndOnTheLoginPageOrTheCardRefusalPage(RelaisInstance relais, @TempDir Path home) throws Exception {
        Chromium.assumeInstalled();
        DemoProfessional claire = DemoProfessional.ALL.get(0);
        DemoPki pki = relais.pki();
        IssuedCertificate expired = pki.hierarchy().card(claire.idNatPs()).givenName("Claire").surname("MARTIN")
                .notBefore(Instant.now().minus(Duration.ofDays(30))).notAfter(Instant.now().minus(Duration.ofDays(1))).issue();
        IssuedCertificate forged = TestPki.generate().card(claire.idNatPs()).givenName("Claire").surname("MARTIN").issue();
        Map<String, IssuedCertificate> cards = new LinkedHashMap<>();
        cards.put("expired", expired);
        cards.put("forged", forged);
        Map<String, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, IssuedCertificate> card : cards.entrySet()) {
            Path cardHome = home.resolve(card.getKey());
            Path p12 = Files.createDirectories(cardHome).resolve("card.p12");
            card.getValue().writePkcs12(p12, "card", relais.secrets().get(Secrets.PKI_PASSWORD).toCharArray());
            Chromium.prepareNssDatabase(cardHome, p12, relais.secrets().get(Secrets.PKI_PASSWORD), pki.hierarchy().trustAnchors());
            WebDriver browser = Chromium.start(cardHome);
            try {
                String outcome;
                try {
                    browser.get(DuiRequests.authorizationUrl(relais, DuiRequests.challenge("b".repeat(43))));
                    outcome = browser.getPageSource();
                } catch (WebDriverException e) {
                    outcome = e.getMessage();
                }
                // A TLS refusal would show as ERR_BAD_SSL_CLIENT_AUTH_CERT or, in TLS 1.3 where the server's
                // alert comes after the client finished its handshake, as ERR_SOCKET_NOT_CONNECTED or (Debian's
                // Chromium 156.0.8078.114) ERR_CONNECTION_RESET: the browser's own error page.
                seen.put(card.getKey(), outcome(outcome));
            } finally {
                browser.quit();
            }
        }
        System.out.println("Chromium with a card the TLS layer cannot verify: " + seen);
        assertThat(seen).containsEntry("expired", "login page").containsEntry("forged", "unknown authority page");
    }

    private static String outcome(String page) {
        if (TLS_REFUSALS.stream().anyMatch(page::contains)) {
            return "browser error page";
        }
        if (UNKNOWN_AUTHORITY_MESSAGE.stream().anyMatch(page::contains)) {
            return "unknown authority page";
        }
        return page.contains("kc-form-login") ? "login page" : page;
    }
}
