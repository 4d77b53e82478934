package fr.relais.it;

import static fr.relais.it.DuiRequests.authorizationUrl;
import static fr.relais.it.DuiRequests.challenge;
import static fr.relais.it.DuiRequests.payload;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.relais.runner.DemoProfessional;
import fr.relais.runner.RelaisInstance;
import fr.relais.runner.Secrets;
import fr.relais.testpki.CertificateAuthority;
import fr.relais.testpki.IssuedCertificate;
import fr.relais.testpki.TestPki;

/**
 * Card login over mutual TLS against the real server: an HTTP client presents card certificates
 * through a whole authorization-code flow.
 */
@ExtendWith(RelaisServerExtension.class)
class CardLoginIT {

    private static final String REDIRECT_URI = DuiRequests.REDIRECT_URI;
    private static final DemoProfessional CLAIRE = DemoProfessional.ALL.get(0);
    private static final DemoProfessional SOPHIE_CPE = DemoProfessional.ALL.get(4);

    @Test
    void validCardSignsInWithoutPasswordAndTheTokensSayHow(RelaisInstance relais, CrlServer crls) throws Exception {
        publishFreshCrls(relais, crls);
        Browser browser = new Browser(relais.pki().presenting(relais.pki().card(CLAIRE)));
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();

        HttpResponse<String> response = browser.get(authorizationUrl(relais, challenge(verifier)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT_URI);

        HttpResponse<String> tokens = browser.postForm(relais.realmUrl() + "/protocol/openid-connect/token",
                Map.of("grant_type", "authorization_code", "code", Browser.queryOf(location).get("code"),
                        "redirect_uri", REDIRECT_URI, "code_verifier", verifier),
                RelaisInstance.DUI_CLIENT_ID, relais.secrets().get(Secrets.DUI_CLIENT_SECRET));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode json = AdminApi.JSON.readTree(tokens.body());
        for (String tokenName : List.of("id_token", "access_token")) {
            JsonNode token = payload(json.get(tokenName).asText());
            assertThat(token.get("idnat_ps").asText()).as(tokenName).isEqualTo(CLAIRE.idNatPs());
            assertThat(token.get("profession").asText()).as(tokenName).isEqualTo("60");
            assertThat(token.get("acr").asText()).as(tokenName).isEqualTo("mie-2fa");
            assertThat(token.get("amr").toString()).as(tokenName).isEqualTo("[\"sc\",\"pin\",\"mfa\",\"hwk\"]");
        }

        JsonNode event = latestEvent(relais, "LOGIN", e -> CLAIRE.idNatPs().equals(e.path("details").path("idnat_ps").asText()));
        assertThat(event.path("details").path("relais_means").asText()).isEqualTo("cps-card");
        assertThat(event.path("details").path("card_type").asText()).isEqualTo("CPS");
        assertThat(event.path("details").path("card_serial").asText())
                .isEqualTo(relais.pki().card(CLAIRE).certificate().getSerialNumber().toString(16));
        assertThat(event.path("details").path("card_issuer").asText()).contains("TEST AC IGC-SANTE FORT PERSONNES");
        assertThat(event.path("details").path("revocation_grace").asText()).isEqualTo("false");
        assertThat(event.path("details").has("crl_age_seconds")).isTrue();
        assertThat(event.path("details").path("revocation_source").asText()).isEqualTo("crl");
    }

    @Test
    void revokedCardIsRefusedOnceTheNewCrlIsPublished(RelaisInstance relais, CrlServer crls) throws Exception {
        IssuedCertificate card = relais.pki().hierarchy().card(CLAIRE.idNatPs()).givenName("Claire").surname("MARTIN")
                .title("Infirmier").professionCode(60).issue();
        CertificateAuthority fort = relais.pki().hierarchy().fortPersonnes();
        publish(crls, fort, fort.crl().revoke(card.certificate().getSerialNumber()));

        HttpResponse<String> refused = eventually(() -> new Browser(relais.pki().presenting(card))
                .get(authorizationUrl(relais, challenge("r".repeat(43)))), r -> r.body().contains("relais.card.revoked"));
        assertRefusal(refused, "relais.card.revoked");
        JsonNode event = latestEvent(relais, "LOGIN_ERROR", e -> "relais_card_revoked".equals(e.path("error").asText()));
        assertThat(event.path("details").path("card_serial").asText()).isEqualTo(card.certificate().getSerialNumber().toString(16));

        // The refused professional can still choose another means.
        publishFreshCrls(relais, crls);
    }

    @Test
    void structureCardIsRefusedWithTheReason(RelaisInstance relais, CrlServer crls) throws Exception {
        publishFreshCrls(relais, crls);
        Browser browser = new Browser(relais.pki().presenting(relais.pki().card(SOPHIE_CPE)));
        HttpResponse<String> refused = browser.get(authorizationUrl(relais, challenge("c".repeat(43))));
        assertRefusal(refused, "relais.card.typeNotAccepted");
        assertThat(refused.body()).contains("CPE");
        assertThat(latestEvent(relais, "LOGIN_ERROR", e -> SOPHIE_CPE.idNatPs().equals(e.path("details").path("idnat_ps").asText()))
                .path("error").asText()).isEqualTo("relais_card_type_not_accepted");

        HttpResponse<String> otherMeans = browser.postForm(formAction(refused.body()), Map.of("other-means", ""));
        assertThat(otherMeans.statusCode()).isEqualTo(200);
        assertThat(otherMeans.body()).contains("kc-form-login");
    }

    @Test
    void testCardIsRefusedWhenTheRealmLeavesTestMode(RelaisInstance relais, CrlServer crls) throws Exception {
        publishFreshCrls(relais, crls);
        AdminApi admin = new AdminApi(relais);
        ObjectNode config = cardConfig(admin);
        String id = config.get("id").asText();
        ((ObjectNode) config.get("config")).put("relais.cps.test-mode", "false");
        admin.put("realms/relais/authentication/config/" + id, config);
        try {
            HttpResponse<String> refused = new Browser(relais.pki().presenting(relais.pki().card(CLAIRE)))
                    .get(authorizationUrl(relais, challenge("t".repeat(43))));
            assertRefusal(refused, "relais.card.testCard");
        } finally {
            ((ObjectNode) config.get("config")).put("relais.cps.test-mode", "true");
            admin.put("realms/relais/authentication/config/" + id, config);
        }
    }

    @Test
    void unknownProfessionalGetsAClearPage(RelaisInstance relais, CrlServer crls) throws Exception {
        publishFreshCrls(relais, crls);
        IssuedCertificate stranger = relais.pki().hierarchy().card("899700999998").givenName("Jean").surname("INCONNU")
                .professionCode(10).issue();
        HttpResponse<String> refused = new Browser(relais.pki().presenting(stranger))
                .get(authorizationUrl(relais, challenge("u".repeat(43))));
        assertRefusal(refused, "relais.professional.unknown");
        assertThat(latestEvent(relais, "LOGIN_ERROR", e -> "899700999998".equals(e.path("details").path("idnat_ps").asText()))
                .path("error").asText()).isEqualTo("user_not_found");
    }

    @Test
    void withoutACardTheOtherMeansAreOffered(RelaisInstance relais) throws Exception {
        HttpResponse<String> page = new Browser(relais.pki().serverTrust()).get(authorizationUrl(relais, challenge("n".repeat(43))));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("kc-form-login").doesNotContain("relais-card-refusal");
    }

    /**
     * A client whose browser flow is the card step alone, REQUIRED (a sensitive application): without a
     * certificate the professional gets a page saying what to check, with no other means offered, and the
     * refusal is an event of its own; a card still signs in through the same flow.
     */
    @Test
    void cardOnlyClientWithoutACardSaysWhatToCheck(RelaisInstance relais, CrlServer crls) throws Exception {
        publishFreshCrls(relais, crls);
        AdminApi admin = new AdminApi(relais);
        String clientId = cardOnlyClient(admin);

        HttpResponse<String> page = new Browser(relais.pki().serverTrust())
                .get(authorizationUrl(relais, clientId, challenge("o".repeat(43))));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(401);
        assertThat(page.body()).contains("data-reason=\"relais.card.noCertificate\"").contains("Cryptolib CPS")
                .doesNotContain("relais-other-means").doesNotContain("kc-form-login");
        JsonNode event = latestEvent(relais, "LOGIN_ERROR", e -> "relais_no_card".equals(e.path("error").asText()));
        assertThat(event.path("clientId").asText()).isEqualTo(clientId);
        assertThat(event.path("details").path("relais_means").asText()).isEqualTo("cps-card");
        assertThat(event.path("details").path("reason").asText()).isEqualTo("no client certificate presented");

        HttpResponse<String> signedIn = new Browser(relais.pki().presenting(relais.pki().card(CLAIRE)))
                .get(authorizationUrl(relais, clientId, challenge("p".repeat(43))));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).startsWith(REDIRECT_URI).contains("code=");

        // The shipped flow, where the card is one means among others, still offers them without a card.
        HttpResponse<String> shipped = new Browser(relais.pki().serverTrust())
                .get(authorizationUrl(relais, challenge("q".repeat(43))));
        assertThat(shipped.statusCode()).isEqualTo(200);
        assertThat(shipped.body()).contains("kc-form-login").doesNotContain("relais-card-refusal");
        new AdminApi(relais).get("realms/relais/events?type=LOGIN_ERROR&max=200").forEach(e -> assertThat(
                "relais_no_card".equals(e.path("error").asText()) && !clientId.equals(e.path("clientId").asText()))
                .as("a relais_no_card event outside the card-only client: %s", e).isFalse());
    }

    /**
     * Cards the TLS layer cannot verify (expired, not yet valid, a look-alike authority with the real one's
     * name, a certificate not meant for authentication) complete the handshake through the card TLS agent,
     * so the professional gets the card step's page saying why and the refusal is an event; nothing more
     * is accepted: Keycloak's tls_client_auth client authentication, which only compares the subject
     * name, still authenticates a client with a valid card and refuses every one of these (on stock
     * Keycloak with such a trust manager, the forged certificate would have authenticated the client).
     */
    @Test
    void cardsTheTlsLayerCannotVerifyGetThePageAndEventButAuthenticateNoClient(RelaisInstance relais, CrlServer crls)
            throws Exception {
        publishFreshCrls(relais, crls);
        IssuedCertificate expired = relais.pki().hierarchy().card(CLAIRE.idNatPs()).givenName("Claire").surname("MARTIN")
                .notBefore(Instant.now().minus(Duration.ofDays(30))).notAfter(Instant.now().minus(Duration.ofDays(1))).issue();
        IssuedCertificate notYetValid = relais.pki().hierarchy().card(CLAIRE.idNatPs()).givenName("Claire").surname("MARTIN")
                .notBefore(Instant.now().plus(Duration.ofDays(1))).notAfter(Instant.now().plus(Duration.ofDays(30))).issue();
        IssuedCertificate signatureCertificate = relais.pki().hierarchy().card(CLAIRE.idNatPs()).givenName("Claire")
                .surname("MARTIN").signatureKeyUsage().issue();
        IssuedCertificate forged = TestPki.generate().card(CLAIRE.idNatPs()).givenName("Claire").surname("MARTIN").issue();
        assertThat(forged.certificate().getIssuerX500Principal())
                .isEqualTo(relais.pki().card(CLAIRE).certificate().getIssuerX500Principal());
        assertThat(forged.certificate().getSubjectX500Principal().getName()).contains("CN=" + CLAIRE.idNatPs());

        Map<IssuedCertificate, CardRefusalSeen> expected = new java.util.LinkedHashMap<>();
        expected.put(expired, new CardRefusalSeen("relais.card.expired", "relais_card_expired"));
        expected.put(notYetValid, new CardRefusalSeen("relais.card.expired", "relais_card_expired"));
        expected.put(signatureCertificate, new CardRefusalSeen("relais.card.notUsable", "relais_card_not_usable"));
        expected.put(forged, new CardRefusalSeen("relais.card.unknownCa", "relais_card_unknown_ca"));
        for (Map.Entry<IssuedCertificate, CardRefusalSeen> card : expected.entrySet()) {
            HttpResponse<String> page = new Browser(relais.pki().presenting(card.getKey()))
                    .get(authorizationUrl(relais, challenge("e".repeat(43))));
            assertRefusal(page, card.getValue().messageKey());
            String serial = card.getKey().certificate().getSerialNumber().toString(16);
            JsonNode event = latestEvent(relais, "LOGIN_ERROR", e -> card.getValue().error().equals(e.path("error").asText())
                    && serial.equalsIgnoreCase(e.path("details").path("card_serial").asText()));
            assertThat(event.path("details").path("idnat_ps").asText()).isEqualTo(CLAIRE.idNatPs());
        }

        String mtlsClient = tlsClientAuthClient(new AdminApi(relais));
        String tokenUrl = relais.realmUrl() + "/protocol/openid-connect/token";
        Map<String, String> clientCredentials = Map.of("grant_type", "client_credentials", "client_id", mtlsClient);
        HttpResponse<String> valid = new Browser(relais.pki().presenting(relais.pki().card(CLAIRE))).postForm(tokenUrl, clientCredentials);
        assertThat(valid.statusCode()).as(valid.body()).isEqualTo(200);
        for (IssuedCertificate card : expected.keySet()) {
            HttpResponse<String> refused = new Browser(relais.pki().presenting(card)).postForm(tokenUrl, clientCredentials);
            assertThat(refused.statusCode()).as("%s: %s", card.certificate().getSerialNumber(), refused.body()).isEqualTo(401);
            assertThat(refused.body()).contains("invalid_client");
        }
    }

    private record CardRefusalSeen(String messageKey, String error) {
    }

    /** A confidential client authenticated by tls_client_auth: any certificate whose subject names Claire's idNat_PS. */
    private static String tlsClientAuthClient(AdminApi admin) throws Exception {
        String clientId = "relais-it-mtls";
        if (admin.get("realms/relais/clients?clientId=" + clientId).isEmpty()) {
            create(admin, "realms/relais/clients", Map.of("clientId", clientId, "publicClient", false,
                    "standardFlowEnabled", false, "serviceAccountsEnabled", true, "clientAuthenticatorType", "client-x509",
                    "attributes", Map.of("x509.subjectdn", "(.*?)CN=" + CLAIRE.idNatPs() + "(.*?)",
                            "x509.allow.regex.pattern.comparison", "true")));
        }
        return clientId;
    }

    @Test
    void crlServerDownKeepsTheStoredCrlInUse(RelaisInstance relais, CrlServer crls) throws Exception {
        publishFreshCrls(relais, crls);
        crls.stop();
        try {
            Thread.sleep(5_000);  // a few refresh rounds fail meanwhile
            HttpResponse<String> response = new Browser(relais.pki().presenting(relais.pki().card(CLAIRE)))
                    .get(authorizationUrl(relais, challenge("d".repeat(43))));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).startsWith(REDIRECT_URI).contains("code=");
        } finally {
            crls.start();
        }
    }

    @Test
    void crlStaleBeyondGraceFailsClosed(RelaisInstance relais, CrlServer crls) throws Exception {
        CertificateAuthority fort = relais.pki().hierarchy().fortPersonnes();
        Instant longAgo = Instant.now().minus(Duration.ofDays(10));
        // A newer list (higher CRL number) whose nextUpdate passed 9 days ago, beyond the 72 h grace.
        crls.publish(fort.shortName(), fort.crl().thisUpdate(longAgo).nextUpdate(longAgo.plus(Duration.ofDays(1)))
                .crlNumber(CrlServer.nextCrlNumber()).buildDer());
        try {
            HttpResponse<String> refused = eventually(() -> new Browser(relais.pki().presenting(relais.pki().card(CLAIRE)))
                    .get(authorizationUrl(relais, challenge("s".repeat(43)))),
                    r -> r.body().contains("relais.card.revocationDataStale"));
            assertRefusal(refused, "relais.card.revocationDataStale");
            assertThat(latestEvent(relais, "LOGIN_ERROR", e -> "relais_revocation_unavailable".equals(e.path("error").asText()))
                    .path("details").path("idnat_ps").asText()).isEqualTo(CLAIRE.idNatPs());
        } finally {
            publishFreshCrls(relais, crls);
        }
    }

    @Test
    void cardOfAnAuthorityRevokedOnItsRootsListIsRefusedAndAStaleRootListFailsClosed(RelaisInstance relais, CrlServer crls)
            throws Exception {
        publishFreshCrls(relais, crls);
        CertificateAuthority root = relais.pki().hierarchy().fortRoot();
        CertificateAuthority fort = relais.pki().hierarchy().fortPersonnes();
        String authorityName = fort.certificate().getSubjectX500Principal().getName();
        try {
            // The card itself is on no list: its issuing authority is, on the root's.
            publish(crls, root, root.crl().revoke(fort.certificate().getSerialNumber()));
            HttpResponse<String> refused = eventually(() -> new Browser(relais.pki().presenting(relais.pki().card(CLAIRE)))
                    .get(authorizationUrl(relais, challenge("a".repeat(43)))), r -> r.body().contains("relais.card.revoked"));
            assertRefusal(refused, "relais.card.revoked");
            JsonNode revoked = latestEvent(relais, "LOGIN_ERROR", e -> "relais_card_revoked".equals(e.path("error").asText())
                    && e.path("details").path("reason").asText().contains(authorityName));
            assertThat(revoked.path("details").path("idnat_ps").asText()).isEqualTo(CLAIRE.idNatPs());

            // A newer root list, past its nextUpdate for 9 days, beyond the 72 h grace.
            Instant longAgo = Instant.now().minus(Duration.ofDays(10));
            crls.publish(root.shortName(), root.crl().thisUpdate(longAgo).nextUpdate(longAgo.plus(Duration.ofDays(1)))
                    .crlNumber(CrlServer.nextCrlNumber()).buildDer());
            HttpResponse<String> stale = eventually(() -> new Browser(relais.pki().presenting(relais.pki().card(CLAIRE)))
                    .get(authorizationUrl(relais, challenge("b".repeat(43)))), r -> r.body().contains("relais.card.revocationDataStale"));
            assertRefusal(stale, "relais.card.revocationDataStale");
            assertThat(latestEvent(relais, "LOGIN_ERROR", e -> "relais_revocation_unavailable".equals(e.path("error").asText())
                    && e.path("details").path("reason").asText().contains(root.certificate().getSubjectX500Principal().getName()))
                    .path("details").path("idnat_ps").asText()).isEqualTo(CLAIRE.idNatPs());
        } finally {
            publishFreshCrls(relais, crls);
        }
    }

    static void assertRefusal(HttpResponse<String> page, String messageKey) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(401);
        assertThat(page.body()).contains("data-reason=\"" + messageKey + "\"").contains("relais-other-means");
    }

    /** Publishes current CRLs (nothing revoked) and waits until the server uses them. */
    static void publishFreshCrls(RelaisInstance relais, CrlServer crls) throws Exception {
        crls.publishFresh(relais.pki().hierarchy());
        eventually(() -> new Browser(relais.pki().presenting(relais.pki().card(CLAIRE)))
                .get(authorizationUrl(relais, challenge("f".repeat(43)))), r -> r.statusCode() == 302);
    }

    private static void publish(CrlServer crls, CertificateAuthority ca, fr.relais.testpki.CrlBuilder crl) {
        Instant now = Instant.now();
        crls.publish(ca.shortName(), crl.thisUpdate(now).nextUpdate(now.plus(Duration.ofDays(1)))
                .crlNumber(CrlServer.nextCrlNumber()).buildDer());
    }

    static <T> T eventually(Callable<T> action, Predicate<T> done) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        T last = action.call();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Condition not reached within 60 s; last result: " + last);
            }
            Thread.sleep(500);
            last = action.call();
        }
        return last;
    }

    static JsonNode latestEvent(RelaisInstance relais, String type, Predicate<JsonNode> matching) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        new AdminApi(relais).get("realms/relais/events?type=" + type + "&max=200").forEach(e -> {
            if (matching.test(e)) {
                found.add(e);
            }
        });
        assertThat(found).as("a %s event", type).isNotEmpty();
        return found.get(0);
    }

    /**
     * A public client bound to a flow made of the card step alone, REQUIRED, configured like the shipped
     * one; created once per server.
     */
    private static String cardOnlyClient(AdminApi admin) throws Exception {
        String clientId = "relais-card-only";
        if (!admin.get("realms/relais/clients?clientId=" + clientId).isEmpty()) {
            return clientId;
        }
        String flowAlias = "relais card only";
        String flowPath = "realms/relais/authentication/flows/relais%20card%20only";
        create(admin, "realms/relais/authentication/flows", Map.of("alias", flowAlias,
                "providerId", "basic-flow", "topLevel", true, "builtIn", false));
        create(admin, flowPath + "/executions/execution", Map.of("provider", "relais-cps-card"));
        ObjectNode execution = (ObjectNode) admin.get(flowPath + "/executions").get(0);
        execution.put("requirement", "REQUIRED");
        admin.put(flowPath + "/executions", execution);
        ObjectNode shipped = cardConfig(admin);
        create(admin, "realms/relais/authentication/executions/" + execution.get("id").asText() + "/config",
                Map.of("alias", "relais card only config", "config", shipped.get("config")));
        String flowId = null;
        for (JsonNode flow : admin.get("realms/relais/authentication/flows")) {
            if (flowAlias.equals(flow.path("alias").asText())) {
                flowId = flow.get("id").asText();
            }
        }
        create(admin, "realms/relais/clients", Map.of("clientId", clientId, "publicClient", true,
                "standardFlowEnabled", true, "redirectUris", List.of(REDIRECT_URI),
                "authenticationFlowBindingOverrides", Map.of("browser", flowId)));
        return clientId;
    }

    private static void create(AdminApi admin, String path, Object body) throws Exception {
        HttpResponse<String> response = admin.post(path, AdminApi.JSON.writeValueAsBytes(body), "application/json");
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isIn(201, 204);
    }

    static ObjectNode cardConfig(AdminApi admin) throws Exception {
        for (JsonNode execution : admin.get("realms/relais/authentication/flows/relais%20browser/executions")) {
            if ("relais-cps-card".equals(execution.path("providerId").asText())) {
                return (ObjectNode) admin.get("realms/relais/authentication/config/" + execution.get("authenticationConfig").asText());
            }
        }
        throw new AssertionError("no relais-cps-card execution");
    }

    private static String formAction(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"relais-other-means-form\"[^>]*action=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as(page).isTrue();
        return m.group(1).replace("&amp;", "&");
    }
}
