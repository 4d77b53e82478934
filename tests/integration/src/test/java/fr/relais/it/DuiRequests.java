package fr.relais.it;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import fr.relais.runner.RelaisInstance;

/** What the DUI client sends and receives in an authorization-code flow with PKCE. */
final class DuiRequests {

    static final String REDIRECT_URI = RelaisServerExtension.DUI_URL + "/callback";

    private DuiRequests() {
    }

    static String authorizationUrl(RelaisInstance relais, String codeChallenge) {
        return relais.realmUrl() + "/protocol/openid-connect/auth?response_type=code&client_id="
                + RelaisInstance.DUI_CLIENT_ID + "&scope=openid&redirect_uri=" + REDIRECT_URI
                + "&state=" + UUID.randomUUID() + "&nonce=" + UUID.randomUUID()
                + "&code_challenge_method=S256&code_challenge=" + codeChallenge;
    }

    /** The S256 code challenge of a PKCE verifier. */
    static String challenge(String verifier) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }

    /** The claims of a JWT, read without verification: the test got it straight from the token endpoint. */
    static JsonNode payload(String jwt) throws Exception {
        return AdminApi.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
