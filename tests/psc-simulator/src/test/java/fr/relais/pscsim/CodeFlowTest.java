package fr.relais.pscsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CodeFlowTest {

    static final String CLAIRE = "899700100011";
    static final String PAUL = "899700100029";

    static PscSimulator psc;
    TestRp rp;

    @BeforeAll
    static void start() {
        psc = PscSimulator.start(SimulatorConfig.builder()
                .client(ClientRegistration.withSecret("rp", "rp-secret", TestRp.REDIRECT_URI))
                .client(ClientRegistration.withSecret("rp-jwt", "jwt-secret", TestRp.REDIRECT_URI)
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

    @Test
    void codeFlowWithPkceAndLoginHintGivesSignedTokens() {
        long before = System.currentTimeMillis() / 1000;
        JsonNode tokens = rp.login(CLAIRE);

        assertThat(tokens.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(tokens.get("expires_in").asLong()).isEqualTo(120);
        assertThat(tokens.get("refresh_expires_in").asLong()).isEqualTo(1800);
        assertThat(tokens.get("scope").asText()).isEqualTo("openid scope_all");

        JWTClaimsSet id = rp.verified(tokens.get("id_token").asText());
        assertThat(id.getIssuer()).isEqualTo(psc.issuer());
        assertThat(id.getAudience()).containsExactly("rp");
        assertThat(id.getSubject()).isEqualTo(SimulatorConfig.DEFAULT_SUBJECT_PREFIX + CLAIRE);
        assertThat(id.getClaim("preferred_username")).isEqualTo(CLAIRE);
        assertThat(id.getClaim("SubjectNameID")).isEqualTo(CLAIRE);
        assertThat(id.getClaim("nonce")).isEqualTo(rp.nonce);
        assertThat(id.getClaim("acr")).isEqualTo("eidas1");
        assertThat(id.getClaim("sid")).isNotNull();
        assertThat((Long) id.getClaim("auth_time")).isBetween(before - 1, before + 5);
        assertThat(id.getClaim("given_name")).isEqualTo("Claire");
        assertThat(id.getClaim("family_name")).isEqualTo("MARTIN");
        assertThat(id.getClaim("at_hash"))
                .isEqualTo(TokenService.atHash(tokens.get("access_token").asText()));
        assertThat(id.getClaim("amr")).isNull();

        JWTClaimsSet access = rp.verified(tokens.get("access_token").asText());
        long lifetime = (access.getExpirationTime().getTime() - access.getIssueTime().getTime()) / 1000;
        assertThat(lifetime).isEqualTo(120);
        assertThat(access.getClaim("typ")).isEqualTo("Bearer");
        assertThat(access.getClaim("azp")).isEqualTo("rp");
        assertThat(access.getClaim("authMode")).isEqualTo("CARD");
        assertThat(access.getClaim("preferred_username")).isEqualTo(CLAIRE);
        assertThat(access.getClaim("otherIds").toString()).contains("RPPS").contains(CLAIRE);
        assertThat(access.getExpirationTime()).isAfter(new Date());
    }

    @Test
    void recordsWhatTheRelyingPartySent() {
        psc.clearRequests();
        rp.login(CLAIRE);

        RecordedRequest authorize = psc.lastRequest(Endpoint.AUTHORIZE);
        assertThat(authorize.param("acr_values")).isEqualTo("eidas1");
        assertThat(authorize.param("scope")).isEqualTo("openid scope_all");
        assertThat(authorize.param("code_challenge_method")).isEqualTo("S256");
        assertThat(authorize.param("nonce")).isEqualTo(rp.nonce);
        RecordedRequest token = psc.lastRequest(Endpoint.TOKEN);
        assertThat(token.method()).isEqualTo("POST");
        assertThat(token.param("code_verifier")).isEqualTo(rp.verifier);
        assertThat(token.clientAuthentication()).isEqualTo("client_secret_basic");
    }

    @Test
    void loginHintCanOverrideAcrAndAuthMode() {
        JsonNode tokens = rp.login(PAUL, "acr", "eidas3", "auth_mode", "MOBILE");

        JWTClaimsSet id = rp.verified(tokens.get("id_token").asText());
        assertThat(id.getClaim("acr")).isEqualTo("eidas3");
        assertThat(rp.verified(tokens.get("access_token").asText()).getClaim("authMode")).isEqualTo("MOBILE");
    }

    @Test
    void requestedAcrIsGrantedByDefault() {
        JsonNode tokens = rp.login(PAUL, "acr_values", "eidas2");

        assertThat(rp.verified(tokens.get("id_token").asText()).getClaim("acr")).isEqualTo("eidas2");
    }

    @Test
    void refreshRotatesTheRefreshToken() {
        JsonNode first = rp.login(CLAIRE);
        String sid = (String) rp.verified(first.get("id_token").asText()).getClaim("sid");

        JsonNode second = rp.refresh(first.get("refresh_token").asText());

        assertThat(second.get("refresh_token").asText()).isNotEqualTo(first.get("refresh_token").asText());
        assertThat(second.get("access_token").asText()).isNotEqualTo(first.get("access_token").asText());
        assertThat(rp.verified(second.get("id_token").asText()).getClaim("sid")).isEqualTo(sid);
        HttpResponse<String> reuse = rp.postForm(psc.tokenEndpoint(),
                Map.of("grant_type", "refresh_token", "refresh_token", first.get("refresh_token").asText()), true);
        assertThat(reuse.statusCode()).isEqualTo(400);
        assertThat(reuse.body()).contains("invalid_grant");
        rp.refresh(second.get("refresh_token").asText());
    }

    @Test
    void userinfoAsJsonHasTheFullPscStructure() {
        JsonNode tokens = rp.login(PAUL);

        HttpResponse<String> response = rp.userinfo(tokens.get("access_token").asText());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode userinfo = TestRp.json(response.body());
        assertThat(userinfo.get("SubjectNameID").asText()).isEqualTo(PAUL);
        assertThat(userinfo.get("preferred_username").asText()).isEqualTo(PAUL);
        assertThat(userinfo.get("given_name").asText()).isEqualTo("Paul");
        assertThat(userinfo.get("family_name").asText()).isEqualTo("DURAND");
        assertThat(TestRp.list(userinfo.get("SubjectRole"))).containsExactly("10^1.2.250.1.213.1.1.5.5");
        assertThat(userinfo.get("authMode").asText()).isEqualTo("CARD");
        assertThat(userinfo.get("otherIds").get(0).get("origine").asText()).isEqualTo("RPPS");
        assertThat(userinfo.get("otherIds").get(0).get("qualite").asInt()).isEqualTo(1);
        JsonNode exercice = userinfo.get("SubjectRefPro").get("exercices").get(0);
        assertThat(userinfo.get("SubjectRefPro").get("codeCivilite").asText()).isEqualTo("M");
        assertThat(exercice.get("codeProfession").asText()).isEqualTo("10");
        assertThat(exercice.get("codeCiviliteDexercice").asText()).isEqualTo("DR");
        assertThat(exercice.get("activities")).hasSize(2);
        JsonNode ehpad = exercice.get("activities").get(1);
        assertThat(ehpad.get("numeroFinessSite").asText()).isEqualTo(DemoProfessionals.EHPAD_FINESS);
        assertThat(ehpad.get("numeroFinessetablissementJuridique").asText())
                .isEqualTo(DemoProfessionals.EHPAD_FINESS_EJ);
        assertThat(ehpad.get("codeSecteurDactivite").asText()).isEqualTo("SA17");
        // Every field of the real sample, even the empty ones.
        assertThat(ehpad.size()).isEqualTo(Activity.FIELDS.size());
        assertThat(ehpad.get("codeSectionPharmacien").asText()).isEmpty();
    }

    @Test
    void userinfoAsSignedJwtForAJwtClient() {
        TestRp jwtRp = new TestRp(psc, "rp-jwt", "jwt-secret");
        JsonNode tokens = jwtRp.login(CLAIRE);

        HttpResponse<String> response = jwtRp.userinfo(tokens.get("access_token").asText());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/jwt");
        JWTClaimsSet claims = jwtRp.verified(response.body());
        assertThat(claims.getIssuer()).isEqualTo(psc.issuer());
        assertThat(claims.getAudience()).containsExactly("rp-jwt");
        assertThat(claims.getClaim("SubjectNameID")).isEqualTo(CLAIRE);
        assertThat(claims.getClaim("SubjectRefPro")).isInstanceOf(Map.class);
    }

    @Test
    void userinfoRejectsAMissingOrForeignToken() {
        assertThat(rp.userinfo("not-a-token").statusCode()).isEqualTo(401);
        HttpResponse<String> response = rp.get(psc.userinfoEndpoint());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().contains("invalid_token");
    }

    @Test
    void clientSecretPostWorks() {
        String code = rp.codeFor(CLAIRE);

        HttpResponse<String> response = rp.postForm(psc.tokenEndpoint(), Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", TestRp.REDIRECT_URI, "code_verifier", rp.verifier,
                "client_id", "rp", "client_secret", "rp-secret"), false);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(psc.lastRequest(Endpoint.TOKEN).clientAuthentication()).isEqualTo("client_secret_post");
    }

    @Test
    void wrongSecretIsInvalidClient() {
        TestRp impostor = new TestRp(psc, "rp", "not-the-secret");
        String code = rp.codeFor(CLAIRE);
        impostor.verifier = rp.verifier;

        HttpResponse<String> response = impostor.exchange(code);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("invalid_client");
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Basic");
    }

    @Test
    void wrongPkceVerifierIsInvalidGrant() {
        String code = rp.codeFor(CLAIRE);
        rp.verifier = TestRp.random(48);

        HttpResponse<String> response = rp.exchange(code);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("invalid_grant").contains("PKCE");
    }

    @Test
    void aCodeWorksOnce() {
        String code = rp.codeFor(CLAIRE);
        assertThat(rp.exchange(code).statusCode()).isEqualTo(200);

        HttpResponse<String> again = rp.exchange(code);

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("invalid_grant");
    }

    @Test
    void unregisteredRedirectUriIsAnErrorPageNotARedirect() {
        HttpResponse<String> response = rp.get(rp.authorizeUri("redirect_uri", "https://evil.example/cb",
                "login_hint", CLAIRE));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).contains("Adresse de retour invalide");
    }

    @Test
    void missingScopeAllIsRejectedLikePsc() {
        HttpResponse<String> response = rp.get(rp.authorizeUri("scope", "openid", "login_hint", CLAIRE));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(TestRp.redirectParams(response)).containsEntry("error", "invalid_scope")
                .containsEntry("state", rp.state);
    }

    @Test
    void authorizationResponseCarriesIssAndSessionState() {
        HttpResponse<String> response = rp.get(rp.authorizeUri("login_hint", CLAIRE));

        assertThat(TestRp.redirectParams(response)).containsEntry("iss", psc.issuer()).containsKey("session_state");
    }

    @Test
    void introspectionDescribesAccessAndRefreshTokens() {
        JsonNode tokens = rp.login(CLAIRE);

        JsonNode access = TestRp.json(rp.postForm(psc.introspectionEndpoint(),
                Map.of("token", tokens.get("access_token").asText()), true).body());
        assertThat(access.get("active").asBoolean()).isTrue();
        assertThat(access.get("SubjectNameID").asText()).isEqualTo(CLAIRE);
        assertThat(access.get("client_id").asText()).isEqualTo("rp");

        JsonNode refresh = TestRp.json(rp.postForm(psc.introspectionEndpoint(),
                Map.of("token", tokens.get("refresh_token").asText()), true).body());
        assertThat(refresh.get("active").asBoolean()).isTrue();
        assertThat(refresh.has("SubjectNameID")).isFalse();

        JsonNode unknown = TestRp.json(rp.postForm(psc.introspectionEndpoint(), Map.of("token", "nope"), true).body());
        assertThat(unknown.get("active").asBoolean()).isFalse();
    }
}
