package fr.relais.it;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import fr.relais.runner.RelaisInstance;
import fr.relais.runner.Secrets;
import fr.relais.testpki.IssuedCertificate;

/** What the DUI client sends and receives in an authorization-code flow with PKCE. */
final class DuiRequests {

    static final String REDIRECT_URI = RelaisServerExtension.DUI_URL + "/callback";

    private DuiRequests() {
    }

    static String authorizationUrl(RelaisInstance relais, String codeChallenge) {
        return authorizationUrl(relais, RelaisInstance.DUI_CLIENT_ID, codeChallenge);
    }

    /** The same request from another client registered with the DUI's redirect URI. */
    static String authorizationUrl(RelaisInstance relais, String clientId, String codeChallenge) {
        return relais.realmUrl() + "/protocol/openid-connect/auth?response_type=code&client_id="
                + clientId + "&scope=openid&redirect_uri=" + REDIRECT_URI
                + "&state=" + UUID.randomUUID() + "&nonce=" + UUID.randomUUID()
                + "&code_challenge_method=S256&code_challenge=" + codeChallenge;
    }

    /** The S256 code challenge of a PKCE verifier. */
    static String challenge(String verifier) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }

    /**
     * A whole card login of the DUI: authorization request over mutual TLS with {@code card}, then the
     * code exchanged at the token endpoint; returns the token endpoint's JSON answer.
     */
    static JsonNode cardLoginTokens(RelaisInstance relais, IssuedCertificate card) throws Exception {
        Browser browser = new Browser(relais.pki().presenting(card));
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        HttpResponse<String> response = browser.get(authorizationUrl(relais, challenge(verifier)));
        if (response.statusCode() != 302 || !response.headers().firstValue("Location").orElse("").startsWith(REDIRECT_URI)) {
            throw new AssertionError("Card login refused: " + response.statusCode() + " " + response.body());
        }
        String location = response.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> tokens = browser.postForm(relais.realmUrl() + "/protocol/openid-connect/token",
                Map.of("grant_type", "authorization_code", "code", Browser.queryOf(location).get("code"),
                        "redirect_uri", REDIRECT_URI, "code_verifier", verifier),
                RelaisInstance.DUI_CLIENT_ID, relais.secrets().get(Secrets.DUI_CLIENT_SECRET));
        if (tokens.statusCode() != 200) {
            throw new AssertionError("Token request failed: " + tokens.statusCode() + " " + tokens.body());
        }
        return AdminApi.JSON.readTree(tokens.body());
    }

    /** The claims of a JWT, read without verification: the test got it straight from the token endpoint. */
    static JsonNode payload(String jwt) throws Exception {
        return AdminApi.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
