package fr.relais.it.psc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;

import fr.relais.it.RelaisServerExtension;
import fr.relais.runner.RelaisInstance;
import fr.relais.runner.Secrets;

/** The DUI's side of a login: an authorization-code request with PKCE, then the code redeemed. */
final class DuiLogin {

    static final String REDIRECT_URI = RelaisServerExtension.DUI_URL + "/callback";

    private final RelaisInstance relais;
    private final Hops hops;
    private final String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
    private Hops.Result result;

    DuiLogin(RelaisInstance relais, SSLContext tls) {
        this.relais = relais;
        this.hops = new Hops(tls);
    }

    /** A browser without a card that goes straight to PSC (kc_idp_hint), as the login page's button does. */
    static DuiLogin throughPsc(RelaisInstance relais) throws Exception {
        DuiLogin login = new DuiLogin(relais, relais.pki().serverTrust());
        login.start("&kc_idp_hint=" + RelaisInstance.PSC_ALIAS);
        return login;
    }

    DuiLogin start(String extraParameters) throws Exception {
        result = hops.follow(relais.realmUrl() + "/protocol/openid-connect/auth?response_type=code&client_id="
                + RelaisInstance.DUI_CLIENT_ID + "&scope=openid&redirect_uri=" + REDIRECT_URI
                + "&state=" + UUID.randomUUID() + "&nonce=" + UUID.randomUUID()
                + "&code_challenge_method=S256&code_challenge=" + challenge(verifier) + extraParameters, RelaisServerExtension.DUI_URL);
        return this;
    }

    Hops.Result result() {
        return result;
    }

    Hops hops() {
        return hops;
    }

    /** The page the login ended on, when it did not reach the DUI. */
    HttpResponse<String> page() {
        assertThat(result.landed()).as("the login should stop on a page, it reached " + result.landedAt()).isFalse();
        return result.last();
    }

    /** Redeems the code the DUI received; fails the test if the login did not reach the DUI. */
    JsonNode tokens() throws Exception {
        assertThat(result.landed()).as("login should reach the DUI; ended on %s: %s", result.last().statusCode(),
                result.last().body()).isTrue();
        String code = Hops.queryOf(result.landedAt()).get("code");
        assertThat(code).as(result.landedAt()).isNotNull();
        HttpResponse<String> response = hops.postForm(relais.realmUrl() + "/protocol/openid-connect/token",
                Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT_URI, "code_verifier", verifier),
                RelaisInstance.DUI_CLIENT_ID, relais.secrets().get(Secrets.DUI_CLIENT_SECRET));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Admin.JSON.readTree(response.body());
    }

    static JsonNode payload(String jwt) throws Exception {
        return Admin.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    static String challenge(String verifier) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }
}
