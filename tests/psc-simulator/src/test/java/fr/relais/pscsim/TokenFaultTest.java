package fr.relais.pscsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** bad-signature, wrong-iss/aud/nonce, low-acr. */
class TokenFaultTest {

    static PscSimulator psc;
    TestRp rp;

    @BeforeAll
    static void start() {
        psc = PscSimulator.start(SimulatorConfig.builder()
                .client(ClientRegistration.withSecret("rp", "rp-secret", TestRp.REDIRECT_URI)
                        .withUserinfoFormat(UserinfoFormat.JWT))
                .build());
    }

    @AfterAll
    static void stop() {
        psc.close();
    }

    @BeforeEach
    void newRp() {
        rp = new TestRp(psc, "rp", "rp-secret");
    }

    @AfterEach
    void recover() {
        psc.clearFault();
    }

    @Test
    void badSignatureKeepsTheKidButFailsVerification() throws Exception {
        psc.setFault(Fault.badSignature().onlyOn(Endpoint.TOKEN));

        JsonNode tokens = rp.login("899700100011");

        String idToken = tokens.get("id_token").asText();
        assertThat(SignedJWT.parse(idToken).getHeader().getKeyID()).isEqualTo(psc.signingKey().getKeyID());
        assertThat(rp.signatureValid(idToken)).isFalse();
        assertThat(rp.signatureValid(tokens.get("access_token").asText())).isFalse();
    }

    @Test
    void badSignatureOnUserinfoOnly() {
        psc.setFault(Fault.badSignature().onlyOn(Endpoint.USERINFO));
        JsonNode tokens = rp.login("899700100011");
        assertThat(rp.signatureValid(tokens.get("id_token").asText())).isTrue();

        String userinfo = rp.userinfo(tokens.get("access_token").asText()).body();

        assertThat(rp.signatureValid(userinfo)).isFalse();
    }

    @Test
    void wrongIssuer() {
        psc.setFault(Fault.wrongIssuer());

        JsonNode tokens = rp.login("899700100011");

        assertThat(rp.verified(tokens.get("id_token").asText()).getIssuer())
                .isEqualTo(TokenService.WRONG_ISSUER).isNotEqualTo(psc.issuer());
        assertThat(TestRp.json(rp.get(psc.discoveryUrl()).body()).get("issuer").asText())
                .isEqualTo(TokenService.WRONG_ISSUER);
    }

    @Test
    void wrongAudience() {
        psc.setFault(Fault.wrongAudience().onlyOn(Endpoint.TOKEN));

        JWTClaimsSet id = rp.verified(rp.login("899700100011").get("id_token").asText());

        assertThat(id.getAudience()).doesNotContain("rp");
    }

    @Test
    void wrongNonce() {
        psc.setFault(Fault.wrongNonce());

        JWTClaimsSet id = rp.verified(rp.login("899700100011").get("id_token").asText());

        assertThat(id.getClaim("nonce")).isNotNull().isNotEqualTo(rp.nonce);
    }

    @Test
    void lowAcrGivesEidas0OrNothing() {
        psc.setFault(Fault.lowAcr());
        assertThat(rp.verified(rp.login("899700100011").get("id_token").asText()).getClaim("acr"))
                .isEqualTo("eidas0");

        psc.setFault(Fault.lowAcr().withAcr(null));
        rp.newTransaction();
        JWTClaimsSet id = rp.verified(rp.login("899700100011").get("id_token").asText());
        assertThat(id.getClaims()).doesNotContainKey("acr");
    }
}
