package fr.relais.it.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.relais.it.Chromium;
import fr.relais.it.CrlServer;
import fr.relais.it.RelaisServerExtension;
import fr.relais.pscsim.Fault;
import fr.relais.pscsim.PscSimulator;
import fr.relais.runner.DemoDuiApp;
import fr.relais.runner.DemoProfessional;
import fr.relais.runner.RelaisInstance;
import fr.relais.runner.Secrets;

/**
 * The shipped login page and flow during a Pro Santé Connect outage, against the real server and the
 * PSC simulator the baseline realm brokers to: the button that would hang goes away with a French
 * notice, the means that work offline keep working, a password alone does not, and the button comes
 * back with PSC.
 */
@ExtendWith(RelaisServerExtension.class)
class OutageLoginIT {

    private static final String API = "relais/relais-continuity/upstreams";
    private static final String PSC_BUTTON = "id=\"social-psc\"";
    private static final String NOTICE = "id=\"relais-outage-psc\"";
    private static final String REDIRECT_URI = RelaisServerExtension.DUI_URL + "/callback";
    /** RFC 7636's example verifier; the tests stop at the authorization code, so it is never sent. */
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private static final DemoProfessional CLAIRE = DemoProfessional.ALL.get(0);
    private static final String OTP_SECRET = "continuite-secret-otp-de-test-01";

    @Test
    void pscRefusingConnectionsTakesItsButtonAwayUntilItIsBack(RelaisInstance relais, PscSimulator psc) throws Exception {
        throughAnOutage(relais, psc, Fault.refuse(), "refused", () -> { });
    }

    @Test
    void pscBlackholedLeavesTheOfflineMeansWorkingAndNotAPasswordAlone(RelaisInstance relais, PscSimulator psc, CrlServer crls)
            throws Exception {
        AdminClient admin = AdminClient.master(relais);
        publishFreshCrls(relais, crls);
        String otpUser = "otp.continuite." + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.post("relais/users", Totp.userWithPasswordAndOtp(otpUser, "Nuit",
                relais.secrets().get(Secrets.DEMO_USER_PASSWORD), OTP_SECRET)).status()).isEqualTo(201);
        try {
            throughAnOutage(relais, psc, Fault.blackhole(), "blackholed", () -> {
                // The whole internet is gone: the CRL server too. The card is checked against the stored CRL.
                crls.stop();
                try {
                    HttpResponse<String> card = cardBrowser(relais).get(authorizationUrl(relais));
                    assertThat(card.statusCode()).as(card.body()).isEqualTo(302);
                    assertThat(card.headers().firstValue("Location").orElseThrow()).startsWith(REDIRECT_URI).contains("code=");
                } finally {
                    crls.start();
                }

                // Password and one-time code: signed in.
                LoginClient otp = new LoginClient(relais);
                HttpResponse<String> otpPage = otp.post(LoginClient.formAction(otp.get(authorizationUrl(relais)).body(), "kc-form-login"),
                        Map.of("username", otpUser, "password", relais.secrets().get(Secrets.DEMO_USER_PASSWORD)));
                assertThat(otpPage.statusCode()).as(otpPage.body()).isEqualTo(200);
                HttpResponse<String> signedIn = otp.post(LoginClient.formAction(otpPage.body(), "kc-otp-login-form"),
                        Map.of("otp", Totp.now(OTP_SECRET)));
                assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
                assertThat(signedIn.headers().firstValue("Location").orElseThrow()).startsWith(REDIRECT_URI).contains("code=");

                // A password alone (Claire has no second factor): refused, with the reason and the way out.
                HttpResponse<String> refused = passwordAlone(relais);
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
                assertThat(refused.body()).contains("le mot de passe seul ne suffit pas").contains("carte CPS");
                assertThat(refused.headers().firstValue("Location")).isEmpty();
            });

            // The operator's report of that outage, once PSC is up again (the button is back as soon as PSC is
            // merely degraded): its logins, by means.
            AdminClient reporting = AdminClient.master(relais);
            Waiting.until(Duration.ofSeconds(60), () -> pscState(reporting), "UP"::equals, "PSC up again");
            JsonNode outage = reporting.json("relais/relais-continuity/outages?upstream=PRO_SANTE_CONNECT").get(0);
            assertThat(outage.get("over").asBoolean()).isTrue();
            assertThat(outage.get("worst").asText()).isEqualTo("DOWN");
            assertThat(outage.get("loginsByMeans").path("cps-card").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(outage.get("loginsByMeans").path("password,otp").asInt()).isEqualTo(1);
            assertThat(outage.get("graceUsed").asInt()).isZero();
            System.out.printf("[continuity] outage report: %s%n", outage);
            JsonNode otpLogin = null;
            for (JsonNode event : reporting.json("relais/events?type=LOGIN&max=50")) {
                if (otpUser.equals(event.path("details").path("username").asText())) {
                    otpLogin = event;
                    break;
                }
            }
            assertThat(otpLogin).as("the OTP login's event").isNotNull();
            assertThat(otpLogin.path("details").path("relais_degraded").asText()).isEqualTo("true");
            assertThat(otpLogin.path("details").path("relais_upstreams").asText()).contains("PRO_SANTE_CONNECT=DOWN");
            assertThat(otpLogin.path("details").path("relais_credentials").asText()).isEqualTo("password,otp");
            assertThat(otpLogin.path("details").path("relais_session_grace").asText()).isEqualTo("false");

            // PSC back: a password alone is what it was before the outage (the realm's normal-time policy).
            HttpResponse<String> after = passwordAlone(relais);
            assertThat(after.statusCode()).as(after.body()).isEqualTo(302);
        } finally {
            AdminClient cleanup = AdminClient.master(relais);
            for (JsonNode user : cleanup.json("relais/users?exact=true&username=" + otpUser)) {
                cleanup.delete("relais/users/" + user.get("id").asText());
            }
        }
    }

    /**
     * A FIDO2 security key enrolled while PSC was up signs its owner in during the outage: Chromium
     * with a virtual CTAP2 authenticator (DevTools protocol, through Selenium) on the real pages.
     */
    @Test
    void anUpstreamSettingNamingNoUpstreamKeepsTheOutageRuleRatherThanBreakingLogins(RelaisInstance relais) throws Exception {
        AdminClient admin = AdminClient.master(relais);
        JsonNode original = null;
        for (JsonNode execution : admin.json("relais/authentication/flows/relais%20outage%20no%20password%20alone/executions")) {
            if ("relais-condition-upstream-down".equals(execution.path("providerId").asText())) {
                original = admin.json("relais/authentication/config/" + execution.get("authenticationConfig").asText());
            }
        }
        assertThat(original).as("the shipped condition's configuration").isNotNull();
        String configPath = "relais/authentication/config/" + original.get("id").asText();
        Waiting.until(Duration.ofSeconds(60), () -> pscState(admin), "UP"::equals, "PSC up");
        // PSC up, setting as shipped: a password alone signs in (the realm's normal-time policy).
        assertThat(passwordAlone(relais).statusCode()).isEqualTo(302);

        ObjectNode typo = original.deepCopy();
        ((ObjectNode) typo.get("config")).put("upstream", "PSC");
        assertThat(admin.put(configPath, typo).status()).isEqualTo(204);
        try {
            // Not Keycloak's error page for every password login, and not the rule lifted: it applies.
            HttpResponse<String> refused = passwordAlone(relais);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
            assertThat(refused.body()).contains("le mot de passe seul ne suffit pas");
        } finally {
            assertThat(admin.put(configPath, original).status()).isEqualTo(204);
        }
        assertThat(passwordAlone(relais).statusCode()).isEqualTo(302);
    }

    private static HttpResponse<String> passwordAlone(RelaisInstance relais) throws Exception {
        LoginClient password = new LoginClient(relais);
        return password.post(LoginClient.formAction(password.get(authorizationUrl(relais)).body(), "kc-form-login"),
                Map.of("username", CLAIRE.username(), "password", relais.secrets().get(Secrets.DEMO_USER_PASSWORD)));
    }

    @Test
    void aSecurityKeyEnrolledBeforeTheOutageSignsInDuringIt(RelaisInstance relais, PscSimulator psc, @TempDir Path home)
            throws Exception {
        Chromium.assumeInstalled();
        Chromium.prepareNssDatabase(home, null, null, relais.pki().hierarchy().trustAnchors());
        AdminClient admin = AdminClient.master(relais);
        String username = "cle.continuite." + UUID.randomUUID().toString().substring(0, 8);
        String password = relais.secrets().get(Secrets.DEMO_USER_PASSWORD);
        assertThat(admin.post("relais/users", Map.of("username", username, "enabled", true, "firstName", "Firmin", "lastName", "Cle",
                "email", username + "@ehpad.test", "emailVerified", true, "requiredActions", List.of("webauthn-register"),
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)))).status()).isEqualTo(201);
        try (DemoDuiApp dui = DemoDuiApp.start(RelaisServerExtension.DUI_PORT, relais.realmUrl(),
                relais.secrets().get(Secrets.DUI_CLIENT_SECRET), relais.pki().serverTrust())) {
            ChromeDriver browser = Chromium.start(home);
            try {
                browser.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                        .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                        .setTransport(VirtualAuthenticatorOptions.Transport.USB)
                        .setHasUserVerification(true).setIsUserVerified(true).setIsUserConsenting(true));

                // PSC up: password, then the key is enrolled (the required action), then the DUI.
                Waiting.until(Duration.ofSeconds(60), () -> pscState(admin), "UP"::equals, "PSC up");
                browser.get(dui.url() + "/login");
                submitPassword(browser, username, password);
                wait(browser).until(ExpectedConditions.elementToBeClickable(By.id("registerWebAuthn"))).click();
                // Keycloak asks for a label in a prompt; the default one will do.
                wait(browser).until(ExpectedConditions.alertIsPresent()).accept();
                assertSignedIn(browser, dui, username);
                AdminClient afterEnrolment = AdminClient.master(relais);
                assertThat(afterEnrolment.json("relais/users/" + userId(afterEnrolment, username) + "/credentials").toString())
                        .contains("\"webauthn\"");
                signOut(browser, relais);

                throughAnOutage(relais, psc, Fault.blackhole(), "blackholed (security key)", () -> {
                    browser.get(dui.url() + "/login");
                    present(browser, "kc-form-login");
                    assertThat(browser.getPageSource()).doesNotContain(PSC_BUTTON).contains(NOTICE);
                    submitPassword(browser, username, password);
                    wait(browser).until(ExpectedConditions.elementToBeClickable(By.id("authenticateWebAuthnButton"))).click();
                    assertSignedIn(browser, dui, username);
                    signOut(browser, relais);
                });
            } finally {
                browser.quit();
            }
        } finally {
            // The admin token lives a minute; this test takes longer.
            AdminClient cleanup = AdminClient.master(relais);
            cleanup.delete("relais/users/" + userId(cleanup, username));
        }
    }

    /**
     * Forgets the SSO session. WebDriver deletes only the cookies the current page would send, and
     * Keycloak's are secure and scoped to /realms/relais/: delete them from a page under that path.
     */
    private static void signOut(WebDriver browser, RelaisInstance relais) {
        browser.get(relais.realmUrl() + "/protocol/openid-connect/certs");
        browser.manage().deleteAllCookies();
    }

    /** Waits for an element; on failure, says where the browser ended and what it shows. */
    private static void present(WebDriver browser, String id) {
        try {
            wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        } catch (TimeoutException e) {
            throw new AssertionError("No #" + id + "; the browser is on " + browser.getCurrentUrl() + "\n" + browser.getPageSource(), e);
        }
    }

    private static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private static void submitPassword(WebDriver browser, String username, String password) {
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
    }

    private static void assertSignedIn(WebDriver browser, DemoDuiApp dui, String username) {
        present(browser, "id_token");
        assertThat(browser.getCurrentUrl()).startsWith(dui.url() + "/callback");
        assertThat(browser.findElement(By.id("id_token")).getText()).contains("\"preferred_username\":\"" + username + "\"");
    }

    private static String userId(AdminClient admin, String username) throws Exception {
        return admin.json("relais/users?exact=true&username=" + username).get(0).get("id").asText();
    }

    interface DuringOutage {
        void run() throws Exception;
    }

    private static void throughAnOutage(RelaisInstance relais, PscSimulator psc, Fault fault, String label, DuringOutage during)
            throws Exception {
        AdminClient admin = AdminClient.master(relais);
        Waiting.until(Duration.ofSeconds(60), () -> pscState(admin), "UP"::equals, "PSC up");
        System.out.printf("[continuity] PSC healthy: login page served in %s ms%n", java.util.Arrays.toString(servedMillis(relais, true)));
        assertThat(new LoginClient(relais).get(authorizationUrl(relais) + "&kc_idp_hint=psc").headers().firstValue("Location"))
                .as("with PSC up, kc_idp_hint=psc goes to PSC").hasValueSatisfying(l -> assertThat(l).contains("/broker/psc/"));

        Instant faulted = Instant.now();
        psc.setFault(fault);
        try {
            // The page itself is what a professional sees: poll it, not the admin API.
            Duration reflected = Waiting.until(Duration.ofSeconds(30), () -> loginPage(relais), p -> p.contains(NOTICE),
                    "the login page explaining the outage");
            System.out.printf("[continuity] PSC %s -> login page shows the outage after %d ms (state %s)%n", label,
                    reflected.toMillis(), pscState(admin));
            assertThat(pscState(admin)).isEqualTo("DOWN");

            System.out.printf("[continuity] PSC %s: login page served in %s ms%n", label,
                    java.util.Arrays.toString(servedMillis(relais, false)));
            // An application asking for PSC directly (kc_idp_hint) gets the page too, not a redirect that would hang.
            HttpResponse<String> hinted = new LoginClient(relais).get(authorizationUrl(relais) + "&kc_idp_hint=psc");
            assertThat(hinted.statusCode()).as(hinted.body()).isEqualTo(200);
            assertThat(hinted.body()).contains(NOTICE).doesNotContain(PSC_BUTTON);

            during.run();
        } finally {
            psc.clearFault();
        }
        Duration back = Waiting.until(Duration.ofSeconds(60), () -> loginPage(relais), p -> p.contains(PSC_BUTTON),
                "the PSC button back");
        System.out.printf("[continuity] PSC %s outage over -> button back after %d ms (outage lasted %d s)%n", label, back.toMillis(),
                Duration.between(faulted, Instant.now()).toSeconds());
        assertThat(loginPage(relais)).doesNotContain(NOTICE);
    }

    /** Five login pages, each checked for what PSC's state implies; how long each took, for the report (no timed assertion). */
    private static long[] servedMillis(RelaisInstance relais, boolean pscUp) throws Exception {
        long[] served = new long[5];
        for (int i = 0; i < served.length; i++) {
            long started = System.nanoTime();
            String page = loginPage(relais);
            served[i] = Duration.ofNanos(System.nanoTime() - started).toMillis();
            if (pscUp) {
                assertThat(page).contains(PSC_BUTTON).doesNotContain(NOTICE);
            } else {
                assertThat(page).doesNotContain(PSC_BUTTON).contains(NOTICE)
                        .contains("Pro Santé Connect est injoignable")
                        .contains("carte CPS").contains("clé de sécurité FIDO2").contains("code à usage unique")
                        .contains("kc-form-login");
            }
        }
        return served;
    }

    private static String pscState(AdminClient admin) throws Exception {
        return admin.json(API).get("upstreams").get(0).get("state").asText();
    }

    private static String loginPage(RelaisInstance relais) throws Exception {
        HttpResponse<String> page = new LoginClient(relais).get(authorizationUrl(relais));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return page.body();
    }

    private static String authorizationUrl(RelaisInstance relais) {
        return relais.realmUrl() + "/protocol/openid-connect/auth?response_type=code&client_id=" + RelaisInstance.DUI_CLIENT_ID
                + "&scope=openid&redirect_uri=" + REDIRECT_URI + "&state=" + UUID.randomUUID() + "&nonce=" + UUID.randomUUID()
                + "&code_challenge_method=S256&code_challenge=" + CHALLENGE;
    }

    private static LoginClient cardBrowser(RelaisInstance relais) {
        return new LoginClient(relais, relais.pki().presenting(relais.pki().card(CLAIRE)));
    }

    /** Current CRLs (nothing revoked), then waits until a card login succeeds on them. */
    private static void publishFreshCrls(RelaisInstance relais, CrlServer crls) throws Exception {
        crls.publishFresh(relais.pki().hierarchy());
        Waiting.until(Duration.ofSeconds(60), () -> cardBrowser(relais).get(authorizationUrl(relais)).statusCode(), s -> s == 302,
                "a card login on the fresh CRLs");
    }
}
