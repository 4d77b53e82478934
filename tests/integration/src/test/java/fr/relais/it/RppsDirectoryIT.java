package fr.relais.it;

import static fr.relais.it.DuiRequests.cardLoginTokens;
import static fr.relais.it.DuiRequests.payload;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.relais.it.continuity.Waiting;
import fr.relais.runner.DemoExtraction;
import fr.relais.runner.DemoExtraction.Visitor;
import fr.relais.runner.DemoProfessional;
import fr.relais.runner.PscConnection;
import fr.relais.runner.RelaisInstance;
import fr.relais.testpki.IssuedCertificate;

/**
 * The RPPS directory in the real Keycloak on PostgreSQL: the demo extraction the runner drops at first
 * start, then drops and uploads through the admin API, the admin user search, the token claims, failed
 * and shrunk imports, and the card login of a professional who is only in the directory. The methods
 * run in order: each import builds on the directory the previous one left.
 */
@ExtendWith(RelaisOnPostgresExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RppsDirectoryIT {

    private static final String API = "realms/" + RelaisInstance.REALM + "/relais-rpps/";
    private static final Duration IMPORT_BUDGET = Duration.ofMinutes(3);
    private static final int MB = 1 << 20;
    private static final DemoProfessional CLAIRE = DemoProfessional.ALL.get(0);
    private static final Visitor LEROY = DemoExtraction.VISITORS.get(0);
    private static final Visitor FOURNIER = DemoExtraction.VISITORS.get(1);
    /** Professionals in the demo extraction: four demo accounts, three visitors, two others. */
    private static final int DEMO_PROFESSIONALS = 9;
    private static final Visitor NEWCOMER = new Visitor("899700100102", "Léa", "NOËL", 70, "Masseur-Kinésithérapeute");
    private static final Visitor LOCUM = new Visitor("899700100110", "Karim", "BENALI", 10, "Médecin");
    /** In the demo extraction, with no link to the demo organisation and no account. */
    private static final Visitor LAMBERT = new Visitor("899700100094", "Hugo", "LAMBERT", 50, "Sage-Femme");

    @Test
    @Order(1)
    void theDemoExtractionDroppedAtFirstStartIsImportedAndADroppedFileFollows(RelaisInstance relais) throws Exception {
        JsonNode demo = awaitRun(relais, DemoExtraction.FILE_NAME);
        assertThat(demo.get("status").asText()).as(demo.toString()).isEqualTo("SUCCEEDED");
        assertThat(demo.get("trigger").asText()).isEqualTo("DROP_FOLDER");
        assertThat(demo.get("professionals").asInt()).isEqualTo(DEMO_PROFESSIONALS);
        assertThat(demo.get("newCount").asInt()).isEqualTo(DEMO_PROFESSIONALS);
        assertThat(demo.get("rejectedCount").asInt()).isZero();

        JsonNode leroy = new AdminApi(relais).get(API + "professionals/" + LEROY.idNatPs());
        assertThat(leroy.get("lastName").asText()).isEqualTo("LEROY");
        assertThat(leroy.get("professionCode").asText()).isEqualTo("10");
        assertThat(new AdminApi(relais).getResponse(API + "professionals/899700999998").statusCode()).isEqualTo(404);

        // An operator copies a newer extraction into the drop folder (copy finished a while ago).
        String name = "PS_LibreAcces_Personne_activite_202611020000.txt";
        Path dropped = relais.installation().rppsDropFolder().resolve(name);
        Files.writeString(dropped, DemoExtraction.content() + DemoExtraction.privatePracticeLine(NEWCOMER) + "\r\n");
        Files.setLastModifiedTime(dropped, FileTime.from(Instant.now().minusSeconds(1800)));

        JsonNode next = awaitRun(relais, name);
        assertThat(next.get("status").asText()).as(next.toString()).isEqualTo("SUCCEEDED");
        assertThat(next.get("newCount").asInt()).isEqualTo(1);
        assertThat(next.get("goneCount").asInt()).isZero();
        assertThat(new AdminApi(relais).get(API + "professionals/" + NEWCOMER.idNatPs()).get("lastName").asText())
                .isEqualTo("NOËL");
    }

    @Test
    @Order(2)
    void professionalsWithoutAnAccountAppearInTheAdminUserSearch(RelaisInstance relais) throws Exception {
        JsonNode byName = new AdminApi(relais).get("realms/" + RelaisInstance.REALM + "/users?search=FOURNIER");
        JsonNode fournier = only(byName, FOURNIER.idNatPs());
        assertThat(fournier.get("lastName").asText()).isEqualTo("FOURNIER");
        // No account yet: listed from the directory, disabled, read-only.
        assertThat(fournier.get("enabled").asBoolean()).isFalse();
        assertThat(fournier.path("attributes").path("rpps_profession_code").get(0).asText()).isEqualTo("60");

        JsonNode byIdNat = new AdminApi(relais).get("realms/" + RelaisInstance.REALM + "/users?search=" + LEROY.idNatPs());
        assertThat(only(byIdNat, LEROY.idNatPs()).get("lastName").asText()).isEqualTo("LEROY");

        JsonNode byProfession = new AdminApi(relais).get("realms/" + RelaisInstance.REALM + "/users?q="
                + URLEncoder.encode("rpps_profession_code:21", StandardCharsets.UTF_8));
        assertThat(usernames(byProfession)).containsExactly(DemoExtraction.VISITORS.get(2).idNatPs());

        // Operators see how long the directory's queries take, as a histogram on the management port, with the
        // directory's 2 ms objective as a bucket boundary of its own.
        assertThat(metrics(relais)).containsPattern("relais_rpps_query_seconds_count\\{query=\"search\"} [1-9]")
                .containsPattern("relais_rpps_query_seconds_bucket\\{query=\"search\",le=\"0\\.002\"} \\d");
    }

    @Test
    @Order(3)
    void tokensOfAnAccountCarryItsRppsDataAndItsActivityAtTheOrganisation(RelaisInstance relais) throws Exception {
        JsonNode tokens = cardLoginTokens(relais, relais.pki().card(CLAIRE));

        for (String tokenName : List.of("id_token", "access_token")) {
            JsonNode rpps = payload(tokens.get(tokenName).asText()).get("rpps");
            assertThat(rpps).as(tokenName).isNotNull();
            assertThat(rpps.get("idnat_ps").asText()).as(tokenName).isEqualTo(CLAIRE.idNatPs());
            assertThat(rpps.get("rpps").asText()).as(tokenName).isEqualTo(CLAIRE.idNatPs().substring(1));
            assertThat(rpps.path("profession").path("code").asText()).as(tokenName).isEqualTo("60");
            assertThat(rpps.path("activite").path("finess_site").asText()).as(tokenName)
                    .isEqualTo(PscConnection.DEMO_FINESS);
            assertThat(rpps.path("activite").path("mode_exercice").path("code").asText()).as(tokenName).isEqualTo("S");
        }

        // Her next login reads nothing from the directory: the node kept her record (emptied by imports, see order 6).
        String reads = "relais_rpps_query_seconds_count{query=\"find\"}";
        String cached = "relais_rpps_lookup_seconds_count{answer=\"cache\"}";
        double readsBefore = metric(relais, reads);
        double cachedBefore = metric(relais, cached);
        JsonNode again = cardLoginTokens(relais, relais.pki().card(CLAIRE));
        assertThat(payload(again.get("id_token").asText()).path("rpps").path("idnat_ps").asText()).isEqualTo(CLAIRE.idNatPs());
        assertThat(metric(relais, reads)).isEqualTo(readsBefore);
        assertThat(metric(relais, cached)).isGreaterThan(cachedBefore);
    }

    @Test
    @Order(4)
    void theCardOfAProfessionalKnownOnlyToTheDirectorySignsInThroughIt(RelaisInstance relais) throws Exception {
        assertThat(new AdminApi(relais).get("realms/" + RelaisInstance.REALM + "/users?exact=true&username="
                + LEROY.idNatPs())).as("no local account before the login").isEmpty();
        JsonNode idToken = payload(cardLoginTokens(relais, relais.pki().card(LEROY)).get("id_token").asText());

        assertThat(idToken.get("idnat_ps").asText()).isEqualTo(LEROY.idNatPs());
        assertThat(idToken.get("acr").asText()).isEqualTo("mie-2fa");
        assertThat(idToken.path("rpps").path("nom_exercice").asText()).isEqualTo("LEROY");
        assertThat(idToken.path("rpps").path("activite").path("finess_site").asText()).isEqualTo(PscConnection.DEMO_FINESS);
        JsonNode account = only(new AdminApi(relais).get("realms/" + RelaisInstance.REALM + "/users?exact=true&username="
                + LEROY.idNatPs()), LEROY.idNatPs());
        assertThat(account.get("enabled").asBoolean()).isTrue();
        assertThat(account.path("federationLink").asText()).as("linked to the RPPS component").isNotEmpty();
        assertThat(account.path("attributes").path("rpps_linked_at").isArray()).isTrue();
    }

    @Test
    @Order(5)
    void aBrokenUploadKeepsThePreviousDirectoryAndAGoodOneReplacesIt(RelaisInstance relais) throws Exception {
        // A download cut short: the archive's central directory is missing.
        JsonNode truncated = upload(relais, "PS_LibreAcces_202611030000.zip",
                "PK\u0003\u0004 truncated".getBytes(StandardCharsets.ISO_8859_1), "application/zip", false);
        assertThat(truncated.get("status").asText()).as(truncated.toString()).isEqualTo("FAILED");

        // The right header, but most lines mangled: over the rejected-line threshold.
        StringBuilder mangled = new StringBuilder(DemoExtraction.content());
        for (int i = 0; i < 20; i++) {
            mangled.append("8|not|a line of this file\r\n");
        }
        JsonNode refused = upload(relais, "PS_LibreAcces_Personne_activite_202611040000.txt",
                mangled.toString().getBytes(StandardCharsets.UTF_8), "text/plain", false);
        assertThat(refused.get("status").asText()).as(refused.toString()).isEqualTo("REFUSED");
        assertThat(refused.get("rejectedCount").asInt()).isEqualTo(20);

        assertThat(new AdminApi(relais).get(API + "professionals/" + NEWCOMER.idNatPs()).get("lastName").asText())
                .as("the previous import is still live").isEqualTo("NOËL");

        String good = DemoExtraction.content() + DemoExtraction.privatePracticeLine(NEWCOMER) + "\r\n"
                + DemoExtraction.privatePracticeLine(LOCUM) + "\r\n";
        JsonNode uploaded = upload(relais, "PS_LibreAcces_Personne_activite_202611050000.txt",
                good.getBytes(StandardCharsets.UTF_8), "text/plain", false);
        assertThat(uploaded.get("status").asText()).as(uploaded.toString()).isEqualTo("SUCCEEDED");
        assertThat(uploaded.get("trigger").asText()).isEqualTo("UPLOAD");
        assertThat(uploaded.get("newCount").asInt()).isEqualTo(1);
        assertThat(new AdminApi(relais).get(API + "professionals/" + LOCUM.idNatPs()).get("lastName").asText())
                .isEqualTo("BENALI");
    }

    @Test
    @Order(6)
    void aShrunkFileIsRefusedUnlessForcedAndNeverRemovesAnAccount(RelaisInstance relais) throws Exception {
        String shrunk = DemoExtraction.HEADER + "\r\n" + DemoExtraction.privatePracticeLine(LOCUM) + "\r\n";
        byte[] body = shrunk.getBytes(StandardCharsets.UTF_8);

        JsonNode refused = upload(relais, "PS_LibreAcces_Personne_activite_202611060000.txt", body, "text/plain", false);
        assertThat(refused.get("status").asText()).as(refused.toString()).isEqualTo("REFUSED");
        assertThat(new AdminApi(relais).getResponse(API + "professionals/" + LEROY.idNatPs()).statusCode()).isEqualTo(200);
        // A login now: the node keeps the record it reads for his token.
        assertThat(payload(cardLoginTokens(relais, relais.pki().card(LEROY)).get("id_token").asText())
                .path("rpps").path("nom_exercice").asText()).isEqualTo("LEROY");

        JsonNode forced = upload(relais, "PS_LibreAcces_Personne_activite_202611070000.txt", body, "text/plain", true);
        assertThat(forced.get("status").asText()).as(forced.toString()).isEqualTo("SUCCEEDED");
        assertThat(forced.get("professionals").asInt()).isEqualTo(1);
        assertThat(new AdminApi(relais).getResponse(API + "professionals/" + LEROY.idNatPs()).statusCode()).isEqualTo(404);

        // Gone from RPPS: the account created at his card login stays, enabled, and is flagged.
        JsonNode account = only(new AdminApi(relais).get("realms/" + RelaisInstance.REALM + "/users?exact=true&username="
                + LEROY.idNatPs()), LEROY.idNatPs());
        assertThat(account.get("enabled").asBoolean()).isTrue();
        assertThat(account.path("attributes").path("rpps_status").get(0).asText()).isEqualTo("absent");

        // Signing in checks nothing: the link keeps the date an import last found him in RPPS. His token says at
        // once that he is no longer in RPPS, although the node kept his record at the login above.
        String lastCheck = linkHealthEntry(relais, "absent", LEROY.idNatPs()).path("lastCheck").asText();
        assertThat(lastCheck).isNotEmpty();
        JsonNode rpps = payload(cardLoginTokens(relais, relais.pki().card(LEROY)).get("id_token").asText()).path("rpps");
        assertThat(rpps.path("present_rpps").asBoolean(true)).as(rpps.toString()).isFalse();
        assertThat(linkHealthEntry(relais, "absent", LEROY.idNatPs()).path("lastCheck").asText()).isEqualTo(lastCheck);

        JsonNode restored = upload(relais, "PS_LibreAcces_Personne_activite_202611080000.txt",
                DemoExtraction.content().getBytes(StandardCharsets.UTF_8), "text/plain", false);
        assertThat(restored.get("status").asText()).as(restored.toString()).isEqualTo("SUCCEEDED");
        assertThat(new AdminApi(relais).getResponse(API + "professionals/" + LEROY.idNatPs()).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(7)
    void anUploadBeyondTheHttpDefaultLimitIsAcceptedAndOneBeyondTheImportLimitIsSentToTheDropFolder(RelaisInstance relais)
            throws Exception {
        // Quarkus refuses bodies over 10 MB unless configured: a real extraction is far bigger.
        StringBuilder big = new StringBuilder(DemoExtraction.content());
        int count = 0;
        while (big.length() < 11 * MB) {
            count++;
            big.append(DemoExtraction.privatePracticeLine(new Visitor("8997005" + String.format("%05d", count), "P" + count,
                    "SYNTHETIQUE", 60, "Infirmier"))).append("\r\n");
        }
        byte[] body = big.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).isGreaterThan(10 * MB);

        JsonNode run = upload(relais, "PS_LibreAcces_Personne_activite_202611090000.txt", body, "text/plain", false);
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.get("professionals").asInt()).isEqualTo(DEMO_PROFESSIONALS + count);

        // Over this instance's max-upload-mb: refused before anything is stored, with the way to go.
        HttpResponse<String> tooLarge = new AdminApi(relais).post(API + "imports/upload?filename="
                + "PS_LibreAcces_Personne_activite_202611100000.txt", new byte[RelaisOnPostgresExtension.MAX_UPLOAD_MB * MB + 1],
                "text/plain");
        assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(413);
        assertThat(AdminApi.JSON.readTree(tooLarge.body()).get("error").asText())
                .contains("dossier de dépôt").contains(relais.installation().rppsDropFolder().getFileName().toString());
    }

    @Test
    @Order(8)
    void concurrentFirstCardLoginsOfOneVisitorAllSucceedAndOpenOneAccount(RelaisInstance relais) throws Exception {
        awaitRun(relais, DemoExtraction.FILE_NAME);
        String users = "realms/" + RelaisInstance.REALM + "/users";
        assertThat(new AdminApi(relais).get(users + "?exact=true&username=" + LAMBERT.idNatPs()))
                .as("no local account before the logins").isEmpty();
        IssuedCertificate card = relais.pki().card(LAMBERT);

        // A visiting midwife's card in several browser tabs at once: every tab asks before any account exists.
        int logins = 16;
        ExecutorService pool = Executors.newFixedThreadPool(logins);
        CyclicBarrier start = new CyclicBarrier(logins);
        List<Future<JsonNode>> results = new ArrayList<>();
        try {
            for (int i = 0; i < logins; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return cardLoginTokens(relais, card);
                }));
            }
            List<String> failures = new ArrayList<>();
            for (Future<JsonNode> result : results) {
                try {
                    JsonNode idToken = payload(result.get(5, TimeUnit.MINUTES).get("id_token").asText());
                    assertThat(idToken.get("idnat_ps").asText()).isEqualTo(LAMBERT.idNatPs());
                } catch (ExecutionException e) {
                    failures.add(String.valueOf(e.getCause().getMessage()));
                }
            }
            assertThat(failures).as("failed logins out of " + logins).isEmpty();
        } finally {
            pool.shutdownNow();
        }

        only(new AdminApi(relais).get(users + "?exact=true&username=" + LAMBERT.idNatPs()), LAMBERT.idNatPs());
        JsonNode byIdNat = new AdminApi(relais).get(users + "?q="
                + URLEncoder.encode("idnat_ps:" + LAMBERT.idNatPs(), StandardCharsets.UTF_8));
        assertThat(usernames(byIdNat)).as("exactly one account carries the idNat_PS").containsExactly(LAMBERT.idNatPs());
    }

    @Test
    @Order(9)
    void linkHealthCountsALinkAsCheckedOnlyWhenAnImportFoundTheProfessional(RelaisInstance relais) throws Exception {
        awaitRun(relais, DemoExtraction.FILE_NAME);
        DemoProfessional paul = DemoProfessional.ALL.get(1);
        DemoProfessional sophie = DemoProfessional.ALL.get(4);

        JsonNode report = new AdminApi(relais).get(API + "link-health").get("report");

        // Paul never signed in: only the imports, which found him, can have checked his link.
        assertThat(usernames(report.path("notRechecked").path("entries"))).as(report.toString())
                .doesNotContain(paul.username()).contains(sophie.username());
        // A staff card's structure-based identifier is not in RPPS: her link was never confirmed.
        JsonNode unconfirmed = linkHealthEntry(relais, "notRechecked", sophie.idNatPs());
        assertThat(unconfirmed.hasNonNull("lastCheck")).as(unconfirmed.toString()).isFalse();
        assertThat(linkHealthEntry(relais, "absent", sophie.idNatPs()).path("username").asText())
                .isEqualTo(sophie.username());
    }

    @Test
    @Order(10)
    void anAccountMerelyNamedAfterAnIdNatIsNeverTakenForThatProfessional(RelaisInstance relais) throws Exception {
        awaitRun(relais, DemoExtraction.FILE_NAME);
        String users = "realms/" + RelaisInstance.REALM + "/users";
        // An unrelated account whose username is FOURNIER's number, without her idnat_ps attribute.
        HttpResponse<String> created = new AdminApi(relais).post(users, ("{\"username\": \"" + FOURNIER.idNatPs()
                + "\", \"enabled\": true, \"firstName\": \"Poste\", \"lastName\": \"ACCUEIL\"}")
                .getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        HttpResponse<String> refused = new Browser(relais.pki().presenting(relais.pki().card(FOURNIER)))
                .get(DuiRequests.authorizationUrl(relais, DuiRequests.challenge("v".repeat(43))));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
        assertThat(refused.body()).contains("enregistré(e) dans cet établissement");
        JsonNode account = only(new AdminApi(relais).get(users + "?exact=true&username=" + FOURNIER.idNatPs()),
                FOURNIER.idNatPs());
        assertThat(account.path("attributes").has("idnat_ps")).as("the account was left as it was").isFalse();
    }

    @Test
    @Order(11)
    void anIdNatMovedToAnotherAccountSignsThatAccountInFromTheNextLogin(RelaisInstance relais) throws Exception {
        // Accounts opened by HR, not named by the idNat_PS (so resolved by attribute), for a professional
        // absent from the directory (so no account is ever opened for her on the spot).
        Visitor marchand = new Visitor("899700100136", "Inès", "MARCHAND", 10, "Médecin");
        String first = createAccount(relais, "dr.marchand", marchand);
        String second = createAccount(relais, "ines.marchand", null);
        IssuedCertificate card = relais.pki().card(marchand);
        assertThat(signedInAccount(relais, card)).isEqualTo(first);
        assertThat(signedInAccount(relais, card)).as("a second login")
                .isEqualTo(first);

        // HR corrects the link: the identifier moves to the other account.
        setIdNat(relais, first, null);
        setIdNat(relais, second, marchand.idNatPs());
        assertThat(signedInAccount(relais, card)).isEqualTo(second);

        // And is removed: nobody carries it any more.
        setIdNat(relais, second, null);
        HttpResponse<String> refused = new Browser(relais.pki().presenting(card))
                .get(DuiRequests.authorizationUrl(relais, DuiRequests.challenge("w".repeat(43))));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
        assertThat(refused.body()).contains("enregistré(e) dans cet établissement");
    }

    /** Creates an enabled account, with the professional's idNat_PS if given; returns its id. */
    private static String createAccount(RelaisInstance relais, String username, Visitor professional) throws Exception {
        String attributes = professional == null ? ""
                : ", \"attributes\": {\"idnat_ps\": [\"" + professional.idNatPs() + "\"]}";
        HttpResponse<String> created = new AdminApi(relais).post("realms/" + RelaisInstance.REALM + "/users",
                ("{\"username\": \"" + username + "\", \"enabled\": true, \"firstName\": \"Inès\", "
                        + "\"lastName\": \"MARCHAND\"" + attributes + "}").getBytes(StandardCharsets.UTF_8),
                "application/json");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Keycloak's Prometheus page, on the management port. */
    private static String metrics(RelaisInstance relais) throws Exception {
        return HttpClient.newBuilder().sslContext(relais.pki().serverTrust()).build()
                .send(HttpRequest.newBuilder(URI.create("https://localhost:" + relais.managementPort() + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The value of one series on /metrics; fails if Keycloak does not publish it (a renamed metric must not pass). */
    private static double metric(RelaisInstance relais, String series) throws Exception {
        Matcher value = Pattern.compile(Pattern.quote(series) + " (\\S+)").matcher(metrics(relais));
        assertThat(value.find()).as(series + " on /metrics").isTrue();
        return Double.parseDouble(value.group(1));
    }

    /** Sets or removes (null) an account's idNat_PS, the rest of the account as it was. */
    private static void setIdNat(RelaisInstance relais, String accountId, String idNat) throws Exception {
        String path = "realms/" + RelaisInstance.REALM + "/users/" + accountId;
        AdminApi admin = new AdminApi(relais);
        ObjectNode account = (ObjectNode) admin.get(path);
        ObjectNode attributes = account.has("attributes") ? (ObjectNode) account.get("attributes")
                : account.putObject("attributes");
        if (idNat == null) {
            attributes.remove("idnat_ps");
        } else {
            attributes.putArray("idnat_ps").add(idNat);
        }
        admin.put(path, account);
    }

    /** The account a whole card login of the DUI signs in: the id token's subject. */
    private static String signedInAccount(RelaisInstance relais, IssuedCertificate card) throws Exception {
        return payload(cardLoginTokens(relais, card).get("id_token").asText()).get("sub").asText();
    }

    /** The link-health report's entry of an idNat_PS in one section; fails when it is not listed there. */
    private static JsonNode linkHealthEntry(RelaisInstance relais, String section, String idNat) throws Exception {
        JsonNode entries = new AdminApi(relais).get(API + "link-health").path("report").path(section).path("entries");
        for (JsonNode entry : entries) {
            if (idNat.equals(entry.path("idNat").asText())) {
                return entry;
            }
        }
        throw new AssertionError(idNat + " not in section " + section + ": " + entries);
    }

    /** Uploads an extraction through the admin API and waits for the import it starts to end. */
    private static JsonNode upload(RelaisInstance relais, String fileName, byte[] body, String contentType,
                                   boolean force) throws Exception {
        HttpResponse<String> accepted = new AdminApi(relais).post(API + "imports/upload?filename=" + fileName
                + "&force=" + force, body, contentType);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return awaitRun(relais, fileName);
    }

    /** The import run of the named file, once it has ended. */
    private static JsonNode awaitRun(RelaisInstance relais, String fileName) throws Exception {
        AtomicReference<JsonNode> run = new AtomicReference<>();
        Waiting.until(IMPORT_BUDGET, () -> {
            for (JsonNode candidate : new AdminApi(relais).get(API + "imports?max=50")) {
                if (fileName.equals(candidate.path("fileName").asText())
                        && !"RUNNING".equals(candidate.path("status").asText())) {
                    run.set(candidate);
                    return candidate;
                }
            }
            Thread.sleep(400);
            return null;
        }, r -> r != null, "imported " + fileName);
        return run.get();
    }

    private static JsonNode only(JsonNode users, String username) {
        assertThat(usernames(users)).as(users.toString()).containsExactly(username);
        return users.get(0);
    }

    private static List<String> usernames(JsonNode users) {
        return java.util.stream.StreamSupport.stream(users.spliterator(), false)
                .map(u -> u.path("username").asText()).toList();
    }
}
