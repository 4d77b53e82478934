package fr.relais.it.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import fr.relais.it.RelaisServerExtension;
import fr.relais.runner.RelaisInstance;

/** Preparedness coverage and the session grace policy, as the admin API reports them. */
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
    void sessionGraceIsOffByDefault(RelaisInstance relais) throws Exception {
        JsonNode grace = AdminClient.master(relais).json("relais/relais-continuity/session-grace");
        assertThat(grace.get("enabled").asBoolean()).isFalse();
        assertThat(grace.get("rieReserve").asBoolean()).isFalse();
        assertThat(grace.get("extensionMinutes").asLong()).isEqualTo(60);
        assertThat(grace.get("note").asText()).contains("désactivée");
    }
}
