package fr.relais.it.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.relais.it.RelaisServerExtension;
import fr.relais.runner.RelaisInstance;

/**
 * Emergency access (RIE v2 EXI RIE-PS 16) against the real server: activated by an administrator
 * through the admin API, never by the user themselves, bounded, logged at activation and at every
 * use, with minimal roles in the tokens, and ended at revocation. The test realm's browser flow is
 * Keycloak's own with the emergency access added last, as the baseline realm has it; both are
 * reached as a user reaches them, through the login page's "another means" link.
 */
@ExtendWith(RelaisServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BreakGlassIT {

    private static final String REALM = "continuity-break-glass-it";
    private static final String API = REALM + "/relais-continuity/break-glass";

    private AdminClient admin;
    private String breakGlassExecution;

    @BeforeAll
    void createRealm(RelaisInstance relais) throws Exception {
        admin = AdminClient.master(relais);
        assertThat(admin.post("", TestRealms.forBreakGlass(REALM)).status()).isEqualTo(201);
        // Keycloak's browser flow, plus the emergency access as the last alternative.
        assertThat(admin.post(REALM + "/authentication/flows/browser/copy", Map.of("newName", "it browser")).status()).isEqualTo(201);
        assertThat(admin.post(REALM + "/authentication/flows/it%20browser/executions/execution",
                Map.of("provider", "relais-break-glass")).status()).isEqualTo(201);
        for (JsonNode execution : admin.json(REALM + "/authentication/flows/it%20browser/executions")) {
            if ("relais-break-glass".equals(execution.path("providerId").asText())) {
                breakGlassExecution = execution.get("id").asText();
                ((ObjectNode) execution).put("requirement", "ALTERNATIVE");
                assertThat(admin.put(REALM + "/authentication/flows/it%20browser/executions", execution).status() / 100).isEqualTo(2);
            }
        }
        assertThat(breakGlassExecution).isNotNull();
        JsonNode realm = admin.json(REALM);
        ((ObjectNode) realm).put("browserFlow", "it browser");
        assertThat(admin.put(REALM, realm).status() / 100).isEqualTo(2);
    }

    @AfterAll
    void deleteRealm() throws Exception {
        if (admin != null) {
            admin.delete(REALM);
        }
    }

    @Test
    void onlyAdministratorsWhoManageUsersMayActivate(RelaisInstance relais) throws Exception {
        Map<String, Object> request = activation("aide.soignant", 60, List.of());
        assertThat(AdminClient.anonymous(relais).post(API, request).status()).isEqualTo(401);
        AdminClient plain = AdminClient.user(relais, REALM, "simple.user", TestRealms.PASSWORD);
        assertThat(plain.post(API, request).status()).isEqualTo(403);
        assertThat(plain.get(API).status()).isEqualTo(403);
    }

    @Test
    void neverSelfService(RelaisInstance relais) throws Exception {
        AdminClient local = AdminClient.user(relais, REALM, "admin.local", TestRealms.PASSWORD);
        AdminClient.Reply reply = local.post(API, activation("admin.local", 60, List.of()));
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("error").asText()).isEqualTo("SELF_SERVICE");
        assertThat(reply.json().get("message").asText()).contains("lui-même");
    }

    @Test
    void boundsAreEnforced() throws Exception {
        AdminClient.Reply tooLong = admin.post(API, activation("aide.soignant", 24 * 60 + 1, List.of()));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("error").asText()).isEqualTo("DURATION_TOO_LONG");
        AdminClient.Reply noReason = admin.post(API, Map.of("username", "aide.soignant", "durationMinutes", 60));
        assertThat(noReason.json().get("error").asText()).isEqualTo("REASON_MISSING");
        AdminClient.Reply unknownRole = admin.post(API, activation("aide.soignant", 60, List.of("chef-de-service")));
        assertThat(unknownRole.json().get("error").asText()).isEqualTo("UNKNOWN_ROLE");
        assertThat(admin.post(API, activation("personne", 60, List.of())).status()).isEqualTo(404);
    }

    @Test
    void theCodeSignsInWithMinimalRolesAndEveryAccessIsLogged(RelaisInstance relais) throws Exception {
        AdminClient local = AdminClient.user(relais, REALM, "admin.local", TestRealms.PASSWORD);
        AdminClient.Reply activated = local.post(API, activation("infirmiere.nuit", 120, List.of("soignant")));
        assertThat(activated.status()).as(activated.body()).isEqualTo(201);
        JsonNode grant = activated.json().get("grant");
        String code = activated.json().get("code").asText();
        assertThat(code).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");
        assertThat(grant.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(grant.get("grantedBy").asText()).isEqualTo("admin.local (" + REALM + ")");
        assertThat(grant.toString()).doesNotContain(code);
        assertThat(local.post(API, activation("infirmiere.nuit", 60, List.of())).status()).as("one at a time").isEqualTo(409);

        LoginClient browser = new LoginClient(relais);
        HttpResponse<String> breakGlassPage = openBreakGlassPage(browser);
        assertThat(breakGlassPage.body()).contains("Accès de secours").contains("Code de secours");

        HttpResponse<String> wrong = browser.post(LoginClient.formAction(breakGlassPage.body(), "relais-break-glass-form"),
                Map.of("username", "infirmiere.nuit", "code", "0000-0000-0000-0000"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("code de secours invalide");

        HttpResponse<String> signedIn = browser.post(LoginClient.formAction(wrong.body(), "relais-break-glass-form"),
                Map.of("username", "infirmiere.nuit", "code", code.toLowerCase()));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        String location = signedIn.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(TestRealms.APP_REDIRECT);
        JsonNode tokens = browser.tokens(REALM, LoginClient.query(location).get("code"), TestRealms.APP, TestRealms.APP_SECRET,
                TestRealms.APP_REDIRECT);
        JsonNode access = LoginClient.claims(tokens.get("access_token").asText());
        assertThat(access.get("preferred_username").asText()).isEqualTo("infirmiere.nuit");
        assertThat(access.get("acr").asText()).isEqualTo("break-glass");
        assertThat(access.get("amr").toString()).isEqualTo("[\"pwd\"]");
        assertThat(access.path("realm_access").path("roles").toString()).as("only the role named at activation")
                .isEqualTo("[\"soignant\"]");
        assertThat(access.has("resource_access")).as("no client role was named").isFalse();
        assertThat(LoginClient.claims(tokens.get("id_token").asText()).get("acr").asText()).isEqualTo("break-glass");

        JsonNode detail = admin.json(API + "/" + grant.get("id").asText());
        List<String> outcomes = new ArrayList<>();
        detail.get("accesses").forEach(a -> outcomes.add(a.get("outcome").asText()));
        assertThat(outcomes).containsExactly("WRONG_CODE", "SUCCESS");
        assertThat(detail.get("grant").get("uses").asInt()).isEqualTo(1);
        assertThat(detail.get("grant").get("failedAttempts").asInt()).isEqualTo(1);

        JsonNode login = firstEvent(REALM + "/events?type=LOGIN&max=50", "infirmiere.nuit");
        assertThat(login.path("details").path("relais_means").asText()).isEqualTo("break-glass");
        assertThat(login.path("details").path("break_glass_grant").asText()).isEqualTo(grant.get("id").asText());
        JsonNode failure = firstEvent(REALM + "/events?type=LOGIN_ERROR&max=50", "infirmiere.nuit");
        assertThat(failure.path("details").path("relais_means").asText()).isEqualTo("break-glass");

        JsonNode activation = null;
        for (JsonNode event : admin.json(REALM + "/admin-events?max=100")) {
            if ("RELAIS_BREAK_GLASS".equals(event.path("resourceType").asText()) && "CREATE".equals(event.path("operationType").asText())
                    && event.path("resourcePath").asText().endsWith(grant.get("id").asText())) {
                activation = event;
            }
        }
        assertThat(activation).as("the activation is an admin event").isNotNull();
        assertThat(activation.path("details").path("reason").asText()).contains("Carte CPS oubliée");
        assertThat(activation.path("representation").asText()).doesNotContain(code);

        // An application asks for an offline token within the emergency session (single sign-on: no code asked
        // again; the shipped realm's default roles give every user offline_access, as this realm gives her).
        // Keycloak copies the session's notes into the offline session, which the revocation ends too.
        HttpResponse<String> offlineRequest = browser.authorize(REALM, TestRealms.APP, TestRealms.APP_REDIRECT, "openid offline_access");
        assertThat(offlineRequest.statusCode()).as(offlineRequest.body()).isEqualTo(302);
        JsonNode offlineTokens = browser.tokens(REALM, LoginClient.query(offlineRequest.headers().firstValue("Location").orElseThrow())
                .get("code"), TestRealms.APP, TestRealms.APP_SECRET, TestRealms.APP_REDIRECT);
        assertThat(LoginClient.claims(offlineTokens.get("refresh_token").asText()).get("typ").asText()).isEqualTo("Offline");
        Callable<Integer> refreshOffline = () -> browser.refresh(REALM, offlineTokens.get("refresh_token").asText(), TestRealms.APP,
                TestRealms.APP_SECRET).statusCode();
        assertThat(refreshOffline.call()).isEqualTo(200);

        // Revocation ends the emergency session, for good although the application keeps refreshing it from
        // several threads: one landing during the removal can bring the session back, which is ended again.
        String userId = grant.get("userId").asText();
        assertThat(admin.json(REALM + "/users/" + userId + "/sessions").size()).isEqualTo(1);
        Callable<Integer> refresh = () -> browser.refresh(REALM, tokens.get("refresh_token").asText(), TestRealms.APP,
                TestRealms.APP_SECRET).statusCode();
        try (ConcurrentRefreshes applications = ConcurrentRefreshes.start(3, refresh)) {
            AdminClient.Reply revoked = local.delete(API + "/" + grant.get("id").asText());
            assertThat(revoked.status()).isEqualTo(200);
            assertThat(revoked.json().get("status").asText()).isEqualTo("REVOKED");
            assertThat(admin.json(REALM + "/users/" + userId + "/sessions").size()).isZero();
            Duration refused = Waiting.until(Duration.ofSeconds(30), refresh, status -> status == 400,
                    "the emergency session ended");
            System.out.printf("[continuity] emergency session refused %d ms after its revocation returned%n", refused.toMillis());
        }
        assertThat(refreshOffline.call()).as("the offline token of the emergency session").isEqualTo(400);

        LoginClient again = new LoginClient(relais);
        HttpResponse<String> page = openBreakGlassPage(again);
        HttpResponse<String> refused = again.post(LoginClient.formAction(page.body(), "relais-break-glass-form"),
                Map.of("username", "infirmiere.nuit", "code", code));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("code de secours invalide");
    }

    @Test
    void tooManyWrongCodesLockTheAccess(RelaisInstance relais) throws Exception {
        AdminClient.Reply activated = admin.post(API, activation("aide.soignant", 30, List.of()));
        assertThat(activated.status()).as(activated.body()).isEqualTo(201);
        String code = activated.json().get("code").asText();
        String id = activated.json().get("grant").get("id").asText();
        LoginClient browser = new LoginClient(relais);
        HttpResponse<String> page = openBreakGlassPage(browser);
        for (int i = 0; i < 5; i++) {
            page = browser.post(LoginClient.formAction(page.body(), "relais-break-glass-form"),
                    Map.of("username", "aide.soignant", "code", "ZZZZ-ZZZZ-ZZZZ-ZZZ" + i));
            assertThat(page.statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = browser.post(LoginClient.formAction(page.body(), "relais-break-glass-form"),
                Map.of("username", "aide.soignant", "code", code));
        assertThat(refused.statusCode()).as("the right code no longer opens a locked access").isEqualTo(200);
        JsonNode detail = admin.json(API + "/" + id);
        assertThat(detail.get("grant").get("status").asText()).isEqualTo("LOCKED");
        assertThat(detail.get("accesses").get(4).get("outcome").asText()).isEqualTo("WRONG_CODE_LOCKED");
        assertThat(detail.get("accesses").get(5).get("outcome").asText()).isEqualTo("LOCKED");
    }

    @Test
    void theShippedLoginPageLeadsToIt(RelaisInstance relais) throws Exception {
        String api = RelaisInstance.REALM + "/relais-continuity/break-glass";
        String shippedExecution = null;
        for (JsonNode execution : admin.json(RelaisInstance.REALM + "/authentication/flows/relais%20browser/executions")) {
            if ("relais-break-glass".equals(execution.path("providerId").asText())) {
                shippedExecution = execution.get("id").asText();
                assertThat(execution.get("requirement").asText()).isEqualTo("ALTERNATIVE");
            }
        }
        assertThat(shippedExecution).as("the baseline realm's browser flow offers the emergency access").isNotNull();

        AdminClient.Reply activated = admin.post(api, activation("claire.martin", 30, List.of()));
        assertThat(activated.status()).as(activated.body()).isEqualTo(201);
        String code = activated.json().get("code").asText();
        String id = activated.json().get("grant").get("id").asText();
        try {
            LoginClient browser = new LoginClient(relais);
            HttpResponse<String> login = browser.get(relais.realmUrl() + "/protocol/openid-connect/auth?client_id="
                    + RelaisInstance.DUI_CLIENT_ID + "&response_type=code&scope=openid&code_challenge_method=S256"
                    + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                    + "&redirect_uri=" + URLEncoder.encode(RelaisServerExtension.DUI_URL + "/callback", StandardCharsets.UTF_8));
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("kc-form-login");
            HttpResponse<String> page = chooseBreakGlass(browser, login, shippedExecution);
            HttpResponse<String> signedIn = browser.post(LoginClient.formAction(page.body(), "relais-break-glass-form"),
                    Map.of("username", "claire.martin", "code", code));
            assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
            String location = signedIn.headers().firstValue("Location").orElseThrow();
            assertThat(location).startsWith(RelaisServerExtension.DUI_URL + "/callback");
            assertThat(LoginClient.query(location)).containsKey("code");
            JsonNode detail = admin.json(api + "/" + id);
            assertThat(detail.get("accesses").get(0).get("outcome").asText()).isEqualTo("SUCCESS");
            assertThat(detail.get("grant").get("uses").asInt()).isEqualTo(1);
        } finally {
            assertThat(admin.delete(api + "/" + id).status()).isEqualTo(200);
        }
    }

    /** From the login page, "try another way" to the emergency access, as the selection list does. */
    private HttpResponse<String> openBreakGlassPage(LoginClient browser) throws Exception {
        HttpResponse<String> login = browser.authorize(REALM, TestRealms.APP, TestRealms.APP_REDIRECT);
        assertThat(login.statusCode()).isEqualTo(200);
        return chooseBreakGlass(browser, login, breakGlassExecution);
    }

    /**
     * What a user does on the login page: the "another means" link, then "Accès de secours" in
     * Keycloak's list of means, which must be the execution {@code expectedExecution}.
     */
    static HttpResponse<String> chooseBreakGlass(LoginClient browser, HttpResponse<String> login, String expectedExecution)
            throws Exception {
        assertThat(login.body()).contains("id=\"try-another-way\"").contains("Utiliser un autre moyen de connexion");
        HttpResponse<String> means = browser.post(LoginClient.formAction(login.body(), "kc-select-try-another-way-form"),
                Map.of("tryAnotherWay", "on"));
        assertThat(means.statusCode()).as(means.body()).isEqualTo(200);
        assertThat(means.body()).contains("Choisissez votre moyen de connexion")
                .contains("Avec le code remis par un administrateur de l’établissement, pour 24 heures au plus.");
        String execution = selectionFor(means.body(), "Accès de secours");
        if (expectedExecution != null) {
            assertThat(execution).isEqualTo(expectedExecution);
        }
        HttpResponse<String> page = browser.post(LoginClient.formAction(means.body(), "kc-select-credential-form"),
                Map.of("authenticationExecution", execution));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("relais-break-glass-form").contains("Code de secours");
        return page;
    }

    /** The execution id of the entry of the means list whose title is {@code title}. */
    private static String selectionFor(String page, String title) {
        Matcher entry = Pattern.compile("<li[^>]*>(.*?)</li>", Pattern.DOTALL).matcher(page);
        while (entry.find()) {
            String item = entry.group(1);
            Matcher execution = Pattern.compile("name=\"authenticationExecution\" value=\"([^\"]+)\"").matcher(item);
            if (item.contains(title) && execution.find()) {
                return execution.group(1);
            }
        }
        throw new AssertionError("No \"" + title + "\" in the list of means:\n" + page);
    }

    private JsonNode firstEvent(String path, String username) throws Exception {
        for (JsonNode event : admin.json(path)) {
            if (username.equals(event.path("details").path("username").asText())) {
                return event;
            }
        }
        throw new AssertionError("no event for " + username + " in " + path);
    }

    private static Map<String, Object> activation(String username, int minutes, List<String> roles) {
        return Map.of("username", username, "durationMinutes", minutes,
                "reason", "Carte CPS oubliée pendant la panne internet, garde de nuit", "roles", roles);
    }
}
