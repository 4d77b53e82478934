package fr.relais.it.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.relais.it.RelaisServerExtension;
import fr.relais.pscsim.AutoLogin;
import fr.relais.pscsim.PscSimulator;
import fr.relais.runner.DemoProfessional;
import fr.relais.runner.RelaisInstance;

/**
 * Preparedness: the enrolment asked after a Pro Santé Connect login, coverage and the session grace
 * policy, as the admin API reports them.
 */
@ExtendWith(RelaisServerExtension.class)
class PreparednessIT {

    private static final String REALM = "continuity-coverage-it";

    @Test
    void coverageCountsActiveUsersWithAnOfflineCapableMeans(RelaisInstance relais) throws Exception {
        AdminClient admin = AdminClient.master(relais);
        assertThat(admin.post("", TestRealms.forCoverage(REALM)).status()).isEqualTo(201);
        try {
            JsonNode coverage = admin.json(REALM + "/relais-continuity/coverage");
            // Five enabled people (the disabled one and the service account are not counted);
            // OTP: 2, FIDO2: 2, one of them has both.
            assertThat(coverage.get("activeUsers").asLong()).isEqualTo(5);
            assertThat(coverage.get("withOtp").asLong()).isEqualTo(2);
            assertThat(coverage.get("withWebAuthn").asLong()).isEqualTo(2);
            assertThat(coverage.get("covered").asLong()).isEqualTo(3);
            assertThat(coverage.get("uncovered").asLong()).isEqualTo(2);
            assertThat(coverage.get("share").asDouble()).isEqualTo(0.6);
            assertThat(coverage.get("note").asText()).startsWith("Part des comptes actifs");
        } finally {
            admin.delete(REALM);
        }
    }

    @Test
    void coverageNeedsTheRightToViewUsers(RelaisInstance relais) throws Exception {
        assertThat(AdminClient.anonymous(relais).get("relais/relais-continuity/coverage").status()).isEqualTo(401);
    }

    @Test
    void aPscLoginWithoutOfflineMeansEndsWithTheEnrolmentTheRealmAsksFor(RelaisInstance relais, PscSimulator psc) throws Exception {
        AdminClient admin = AdminClient.master(relais);
        DemoProfessional claire = DemoProfessional.ALL.get(0);
        String action = "relais-offline-means-enrolment";
        psc.setAutoLogin(AutoLogin.of(claire.idNatPs()));
        try {
            // Shipped realm: the policy is off, a PSC login goes straight to the application.
            assertThat(admin.json("relais/authentication/required-actions/" + action).get("enabled").asBoolean()).isFalse();
            assertThat(pscLogin(relais).headers().firstValue("Location").orElse("")).startsWith(RelaisServerExtension.DUI_URL);

            setEnabled(admin, action, true);
            // Default means: a FIDO2 security key, through Keycloak's own enrolment page.
            HttpResponse<String> askedKey = pscLogin(relais);
            assertThat(askedKey.statusCode()).as(askedKey.body()).isEqualTo(200);
            assertThat(askedKey.body()).contains("id=\"registerWebAuthn\"");

            assertThat(admin.put("relais/authentication/required-actions/" + action + "/config",
                    Map.of("config", Map.of("means", "one-time-code"))).status()).isEqualTo(204);
            HttpResponse<String> askedCode = pscLogin(relais);
            assertThat(askedCode.statusCode()).as(askedCode.body()).isEqualTo(200);
            assertThat(askedCode.body()).contains("kc-totp-settings-form").doesNotContain("registerWebAuthn");

            assertThat(admin.put("relais/authentication/required-actions/" + action + "/config",
                    Map.of("config", Map.of("means", "sms"))).status()).as("an unknown means is refused").isEqualTo(400);

            // A login that did not come through PSC is not interrupted.
            assertThat(admin.put("relais/authentication/required-actions/" + action + "/config",
                    Map.of("config", Map.of("means", "security-key"))).status()).isEqualTo(204);
            HttpResponse<String> card = new LoginClient(relais, relais.pki().presenting(relais.pki().card(claire)))
                    .get(authorizationUrl(relais, ""));
            assertThat(card.headers().firstValue("Location").orElse("")).as(card.body()).startsWith(RelaisServerExtension.DUI_URL);
        } finally {
            psc.setAutoLogin(null);
            AdminClient cleanup = AdminClient.master(relais);
            setEnabled(cleanup, action, false);
            cleanup.delete("relais/authentication/required-actions/" + action + "/config");
        }
    }

    /** The realm setting: the required action is declared (disabled) by the shipped realm. */
    private static void setEnabled(AdminClient admin, String action, boolean enabled) throws Exception {
        ObjectNode representation = (ObjectNode) admin.json("relais/authentication/required-actions/" + action);
        representation.put("enabled", enabled);
        assertThat(admin.put("relais/authentication/required-actions/" + action, representation).status()).isEqualTo(204);
    }

    /** A browser without a card sent to PSC (kc_idp_hint), redirects followed until a page or the application. */
    private static HttpResponse<String> pscLogin(RelaisInstance relais) throws Exception {
        LoginClient browser = new LoginClient(relais);
        URI current = URI.create(authorizationUrl(relais, "&kc_idp_hint=psc"));
        for (int hop = 0; hop < 20; hop++) {
            HttpResponse<String> response = browser.get(current.toString());
            String location = response.headers().firstValue("Location").orElse(null);
            if (response.statusCode() / 100 != 3 || location == null || location.startsWith(RelaisServerExtension.DUI_URL)) {
                return response;
            }
            current = current.resolve(location);
        }
        throw new AssertionError("More than 20 redirects from " + current);
    }

    private static String authorizationUrl(RelaisInstance relais, String extra) {
        return relais.realmUrl() + "/protocol/openid-connect/auth?response_type=code&client_id=" + RelaisInstance.DUI_CLIENT_ID
                + "&scope=openid&redirect_uri=" + RelaisServerExtension.DUI_URL + "/callback&state=" + UUID.randomUUID()
                + "&nonce=" + UUID.randomUUID() + "&code_challenge_method=S256&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                + extra;
    }

    @Test
    void sessionGraceIsOffByDefault(RelaisInstance relais) throws Exception {
        JsonNode grace = AdminClient.master(relais).json("relais/relais-continuity/session-grace");
        assertThat(grace.get("enabled").asBoolean()).isFalse();
        assertThat(grace.get("rieReserve").asBoolean()).isFalse();
        assertThat(grace.get("extensionMinutes").asLong()).isEqualTo(60);
        assertThat(grace.get("note").asText()).contains("désactivée");
    }
}
