package fr.relais.psc.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.IDToken;
import org.keycloak.util.JsonSerialization;

import com.fasterxml.jackson.databind.JsonNode;

class PscClaimsTest {

    @Test
    void aNullAuthModeCountsAsAbsent() throws Exception {
        JsonNode userInfo = JsonSerialization.readValue("{\"sub\":\"f:1:810001045367\",\"authMode\":null}", JsonNode.class);
        IDToken idToken = JsonSerialization.readValue("{\"sub\":\"f:1:810001045367\",\"authMode\":null}", IDToken.class);
        assertThat(idToken.getOtherClaims()).as("the claim is there, null").containsKey("authMode");
        assertThat(PscClaims.authMode(userInfo, idToken)).isEmpty();
    }

    @Test
    void authModeComesFromUserInfoElseFromTheIdToken() throws Exception {
        IDToken idToken = JsonSerialization.readValue("{\"authMode\":\"MOBILE\"}", IDToken.class);
        assertThat(PscClaims.authMode(JsonSerialization.readValue("{\"authMode\":\"CARD\"}", JsonNode.class), idToken))
                .isEqualTo("CARD");
        assertThat(PscClaims.authMode(JsonSerialization.readValue("{}", JsonNode.class), idToken)).isEqualTo("MOBILE");
        assertThat(PscClaims.authMode(JsonSerialization.readValue("{}", JsonNode.class), new IDToken())).isEmpty();
    }
}
