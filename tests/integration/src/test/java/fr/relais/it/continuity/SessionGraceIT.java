package fr.relais.it.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import fr.relais.it.RelaisOnPostgresExtension;
import fr.relais.it.RelaisServerExtension;
import fr.relais.pscsim.AutoLogin;
import fr.relais.pscsim.Fault;
import fr.relais.pscsim.PscSimulator;
import fr.relais.runner.DemoProfessional;
import fr.relais.runner.RelaisInstance;
import fr.relais.runner.Secrets;

/**
 * Cached-session grace on the appliance's database (PostgreSQL), whose test server enables it
 * ({@link RelaisOnPostgresExtension}): a professional signed in through Pro Santé Connect, with no
 * means that works offline, whose session ends during a PSC outage, continues it once, without a
 * login page, until PSC is back, even after signing out of another device's session; a colleague with a
 * one-time code is never offered it. The shipped
 * default (off) is checked by {@code PreparednessIT}.
 */
@ExtendWith(RelaisOnPostgresExtension.class)
class SessionGraceIT {

    private static final String REALM = RelaisInstance.REALM;
    private static final String REDIRECT_URI = RelaisServerExtension.DUI_URL + "/callback";
    private static final String USES = REALM + "/relais-continuity/session-grace/uses";
    /** Sessions this short, so that they end within the test; the server's window is one minute. */
    private static final int SESSION_SECONDS = 90;
    private static final String OTP_SECRET = "grace-secret-otp-de-test-000001";
    /** The grace sweep's period on the server. */
    private static final long SWEEP_MILLIS = 5_000;
    private static final int CONCURRENT_APPLICATIONS = 3;

    @Test
    void aSessionEndingDuringAPscOutageContinuesOnceUntilPscIsBack(RelaisInstance relais, PscSimulator psc) throws Exception {
        // A fresh administrator token for every call: the test outlives the master realm's one-minute tokens.
        Admin admin = () -> AdminClient.master(relais);
        DemoProfessional claire = DemoProfessional.ALL.get(0);
        String otpUser = "otp.grace." + UUID.randomUUID().toString().substring(0, 8);
        int shippedMax = admin.get().json(REALM).get("ssoSessionMaxLifespan").asInt();
        assertThat(admin.get().post(REALM + "/users", Totp.userWithPasswordAndOtp(otpUser, "Grace",
                relais.secrets().get(Secrets.DEMO_USER_PASSWORD), OTP_SECRET)).status()).isEqualTo(201);
        try {
            JsonNode policy = admin.get().json(REALM + "/relais-continuity/session-grace");
            assertThat(policy.get("enabled").asBoolean()).isTrue();
            assertThat(policy.get("rieReserve").asBoolean()).isTrue();
            assertThat(policy.get("note").asText()).contains("activée").contains("Réserve");
            assertThat(admin.get().put(REALM, Map.of("ssoSessionMaxLifespan", SESSION_SECONDS)).status()).isEqualTo(204);
            Waiting.until(Duration.ofSeconds(60), () -> pscState(admin), "UP"::equals, "PSC up");

            // Claire signs in through PSC (no offline means); Odile with her password and one-time code.
            LoginClient claireBrowser = new LoginClient(relais);
            psc.setAutoLogin(AutoLogin.of(claire.idNatPs()));
            JsonNode claireTokens = signIn(relais, claireBrowser, "&kc_idp_hint=psc", null);
            LoginClient claireTablet = new LoginClient(relais);
            JsonNode tabletTokens = signIn(relais, claireTablet, "&kc_idp_hint=psc", null);
            LoginClient odileBrowser = new LoginClient(relais);
            JsonNode odileTokens = signIn(relais, odileBrowser, "", page -> {
                HttpResponse<String> otp = odileBrowser.post(LoginClient.formAction(page.body(), "kc-form-login"),
                        Map.of("username", otpUser, "password", relais.secrets().get(Secrets.DEMO_USER_PASSWORD)));
                return odileBrowser.post(LoginClient.formAction(otp.body(), "kc-otp-login-form"), Map.of("otp", Totp.now(OTP_SECRET)));
            });
            String claireSession = LoginClient.claims(claireTokens.get("access_token").asText()).get("sid").asText();

            psc.setFault(Fault.blackhole());
            Waiting.until(Duration.ofSeconds(30), () -> pscState(admin), "DOWN"::equals, "PSC down");

            // Their applications keep refreshing; once Claire's sessions are in their last minute, each is offered the grace.
            Waiting.until(Duration.ofSeconds(SESSION_SECONDS), () -> {
                assertThat(claireBrowser.refresh(REALM, claireTokens.get("refresh_token").asText(), RelaisInstance.DUI_CLIENT_ID,
                        duiSecret(relais)).statusCode()).isEqualTo(200);
                assertThat(claireTablet.refresh(REALM, tabletTokens.get("refresh_token").asText(), RelaisInstance.DUI_CLIENT_ID,
                        duiSecret(relais)).statusCode()).isEqualTo(200);
                assertThat(odileBrowser.refresh(REALM, odileTokens.get("refresh_token").asText(), RelaisInstance.DUI_CLIENT_ID,
                        duiSecret(relais)).statusCode()).isEqualTo(200);
                Thread.sleep(2_000);
                return usesOf(admin, claire.username());
            }, uses -> uses.size() == 2 && uses.stream().allMatch(u -> "OFFERED".equals(u.get("status").asText())),
                    "the grace offered to both of Claire's sessions");
            assertThat(usesOf(admin, otpUser)).as("a one-time code works offline: no grace").isEmpty();

            // She signs out on her tablet: that session's grace is withdrawn, not the other's.
            assertThat(claireTablet.logout(REALM, tabletTokens.get("refresh_token").asText(), RelaisInstance.DUI_CLIENT_ID,
                    duiSecret(relais)).statusCode()).isEqualTo(204);
            assertThat(usesOf(admin, claire.username())).extracting(u -> u.get("status").asText() + " " + u.path("endReason").asText(""))
                    .containsExactlyInAnyOrder("CLOSED SIGNED_OUT", "OFFERED ");

            // Both sessions reach their end.
            Waiting.until(Duration.ofSeconds(2L * SESSION_SECONDS), () -> claireBrowser.refresh(REALM,
                    claireTokens.get("refresh_token").asText(), RelaisInstance.DUI_CLIENT_ID, duiSecret(relais)).statusCode(),
                    status -> status == 400, "Claire's session ended");
            Waiting.until(Duration.ofSeconds(30), () -> odileBrowser.refresh(REALM, odileTokens.get("refresh_token").asText(),
                    RelaisInstance.DUI_CLIENT_ID, duiSecret(relais)).statusCode(), status -> status == 400, "Odile's session ended");

            // Claire comes back to her application: continued at once, no login page; Odile gets the login page.
            String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
            HttpResponse<String> back = claireBrowser.get(authorizationUrl(relais, verifier, ""));
            assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
            String location = back.headers().firstValue("Location").orElseThrow();
            assertThat(location).startsWith(REDIRECT_URI).contains("code=");
            JsonNode continued = claireBrowser.tokens(REALM, LoginClient.query(location).get("code"), RelaisInstance.DUI_CLIENT_ID,
                    duiSecret(relais), REDIRECT_URI, verifier);
            JsonNode claims = LoginClient.claims(continued.get("access_token").asText());
            assertThat(claims.get("preferred_username").asText()).isEqualTo(claire.username());
            assertThat(claims.get("acr").asText()).as("applications are told it is not a new authentication").isEqualTo("session-grace");
            System.out.printf("[continuity] session %s of %s continued on grace as session %s%n", claireSession, claire.username(),
                    claims.get("sid").asText());
            HttpResponse<String> odileBack = odileBrowser.get(authorizationUrl(relais, verifier, ""));
            assertThat(odileBack.statusCode()).isEqualTo(200);
            assertThat(odileBack.body()).contains("kc-form-login");

            JsonNode use = graceOf(admin, claire.username());
            assertThat(use.get("status").asText()).isEqualTo("IN_USE");
            JsonNode login = graceLogin(admin, claire.username());
            assertThat(login.path("details").path("relais_grace_continues").asText()).isEqualTo(claireSession);
            assertThat(login.path("details").path("relais_session_grace").asText()).as("degraded-mode audit").isEqualTo("true");
            assertThat(login.path("details").path("relais_means").asText()).isEqualTo("session-grace");

            // Once only: the continued session, refreshed in its own last minute, is not offered another.
            Thread.sleep(Duration.ofSeconds(SESSION_SECONDS - 50).toMillis());
            assertThat(claireBrowser.refresh(REALM, continued.get("refresh_token").asText(), RelaisInstance.DUI_CLIENT_ID,
                    duiSecret(relais)).statusCode()).isEqualTo(200);
            assertThat(usesOf(admin, claire.username())).hasSize(2);

            // PSC back: the continued session is ended, and stays ended although Claire's applications keep
            // refreshing it, several at once (a refresh racing the sweep's removal used to bring it back).
            Callable<Integer> refreshContinued = () -> claireBrowser.refresh(REALM, continued.get("refresh_token").asText(),
                    RelaisInstance.DUI_CLIENT_ID, duiSecret(relais)).statusCode();
            try (ConcurrentRefreshes applications = ConcurrentRefreshes.start(CONCURRENT_APPLICATIONS, refreshContinued)) {
                psc.clearFault();
                Waiting.until(Duration.ofSeconds(60), () -> pscState(admin), "UP"::equals, "PSC up again");
                Duration ended = Waiting.until(Duration.ofSeconds(30), refreshContinued, status -> status == 400,
                        "the continued session ended");
                System.out.printf("[continuity] continued session refused %d ms after PSC was seen up%n", ended.toMillis());
                Thread.sleep(3 * SWEEP_MILLIS);
                assertThat(refreshContinued.call()).as("the continued session, several sweeps later").isEqualTo(400);
            }
            JsonNode closed = graceOf(admin, claire.username());
            assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
            assertThat(closed.get("endReason").asText()).isEqualTo("PSC_BACK");
            assertThat(closedEvent(admin, claire.username()).path("details").path("reason").asText()).isEqualTo("PSC_BACK");
        } finally {
            psc.clearFault();
            psc.setAutoLogin(null);
            AdminClient cleanup = AdminClient.master(relais);
            cleanup.put(REALM, Map.of("ssoSessionMaxLifespan", shippedMax));
            JsonNode users = cleanup.json(REALM + "/users?exact=true&username=" + otpUser);
            if (users.size() == 1) {
                cleanup.delete(REALM + "/users/" + users.get(0).get("id").asText());
            }
        }
    }

    /** An authorization-code flow of the DUI, redirects followed, a form step when the login page asks; returns the tokens. */
    private static JsonNode signIn(RelaisInstance relais, LoginClient browser, String extra, Step onLoginPage) throws Exception {
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        URI current = URI.create(authorizationUrl(relais, verifier, extra));
        HttpResponse<String> response = browser.get(current.toString());
        for (int hop = 0; hop < 20; hop++) {
            String location = response.headers().firstValue("Location").orElse(null);
            if (location != null && location.startsWith(REDIRECT_URI)) {
                return browser.tokens(REALM, LoginClient.query(location).get("code"), RelaisInstance.DUI_CLIENT_ID,
                        duiSecret(relais), REDIRECT_URI, verifier);
            }
            if (response.statusCode() == 200 && onLoginPage != null) {
                response = onLoginPage.on(response);
                continue;
            }
            assertThat(response.statusCode() / 100).as(response.body()).isEqualTo(3);
            current = current.resolve(location);
            response = browser.get(current.toString());
        }
        throw new AssertionError("No way to the application from " + current);
    }

    private interface Admin {
        AdminClient get() throws Exception;
    }

    private interface Step {
        HttpResponse<String> on(HttpResponse<String> page) throws Exception;
    }

    private static String authorizationUrl(RelaisInstance relais, String verifier, String extra) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return relais.realmUrl() + "/protocol/openid-connect/auth?response_type=code&client_id=" + RelaisInstance.DUI_CLIENT_ID
                + "&scope=openid&redirect_uri=" + REDIRECT_URI + "&state=" + UUID.randomUUID() + "&nonce=" + UUID.randomUUID()
                + "&code_challenge_method=S256&code_challenge=" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash) + extra;
    }

    private static String duiSecret(RelaisInstance relais) {
        return relais.secrets().get(Secrets.DUI_CLIENT_SECRET);
    }

    private static String pscState(Admin admin) throws Exception {
        return PscUpstream.of(admin.get()).get("state").asText();
    }

    private static List<JsonNode> usesOf(Admin admin, String username) throws Exception {
        List<JsonNode> uses = new ArrayList<>();
        admin.get().json(USES).forEach(u -> {
            if (username.equals(u.get("username").asText())) {
                uses.add(u);
            }
        });
        return uses;
    }

    /** The user's one grace not withdrawn by a sign-out. */
    private static JsonNode graceOf(Admin admin, String username) throws Exception {
        List<JsonNode> kept = usesOf(admin, username).stream().filter(u -> !"SIGNED_OUT".equals(u.path("endReason").asText())).toList();
        assertThat(kept).hasSize(1);
        return kept.get(0);
    }

    private static JsonNode graceLogin(Admin admin, String username) throws Exception {
        for (JsonNode event : admin.get().json(REALM + "/events?type=LOGIN&max=100")) {
            if ("session-grace".equals(event.path("details").path("relais_means").asText())
                    && username.equals(event.path("details").path("username").asText())) {
                return event;
            }
        }
        throw new AssertionError("no session-grace LOGIN event of " + username);
    }

    private static JsonNode closedEvent(Admin admin, String username) throws Exception {
        for (JsonNode event : admin.get().json(REALM + "/admin-events?max=200")) {
            JsonNode details = event.path("details");
            if ("RELAIS_SESSION_GRACE".equals(event.path("resourceType").asText()) && username.equals(details.path("username").asText())
                    && "closed".equals(details.path("action").asText())) {
                return event;
            }
        }
        throw new AssertionError("no RELAIS_SESSION_GRACE admin event closing the grace of " + username);
    }
}
