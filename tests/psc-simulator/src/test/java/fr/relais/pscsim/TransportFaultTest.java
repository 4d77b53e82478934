package fr.relais.pscsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** refuse, blackhole, slow, http500, oversized; switched through the Java API and the admin HTTP API. */
class TransportFaultTest {

    static PscSimulator psc;

    @BeforeAll
    static void start() {
        psc = PscSimulator.start(SimulatorConfig.builder()
                .adminPort(0)
                .client(ClientRegistration.withSecret("rp", "rp-secret", TestRp.REDIRECT_URI))
                .build());
    }

    @AfterAll
    static void stop() {
        psc.close();
    }

    @AfterEach
    void recover() {
        psc.clearFault();
    }

    @Test
    void refuseClosesThePortAndRecoveryReopensIt() throws Exception {
        int port = psc.port();
        psc.setFault(Fault.refuse());

        assertThatThrownBy(() -> get(psc.discoveryUrl(), Duration.ofSeconds(5)))
                .isInstanceOf(ConnectException.class);

        psc.clearFault();
        assertThat(psc.port()).isEqualTo(port);
        assertThat(get(psc.discoveryUrl(), Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
    }

    @Test
    void refuseOnTheWalletOnlyLeavesTheAuthHostUp() throws Exception {
        try (PscSimulator split = PscSimulator.start(SimulatorConfig.builder().walletPort(0).build())) {
            split.setFault(Fault.refuse().onlyOn(Endpoint.AUTHORIZE));

            assertThatThrownBy(() -> get(split.authorizationEndpoint(), Duration.ofSeconds(5)))
                    .isInstanceOf(ConnectException.class);
            assertThat(get(split.discoveryUrl(), Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void blackholeAcceptsTcpButNeverAnswers() throws Exception {
        psc.setFault(Fault.blackhole());

        assertThatThrownBy(() -> get(psc.discoveryUrl(), Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", psc.port()), 1000);
            socket.setSoTimeout(300);
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
        }

        psc.clearFault();
        assertThat(get(psc.discoveryUrl(), Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
    }

    @Test
    void scopedBlackholeHoldsOnlyThatEndpointUntilRecovery() throws Exception {
        psc.setFault(Fault.blackhole().onlyOn(Endpoint.TOKEN));

        assertThat(get(psc.jwksUri(), Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
        HttpClient client = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> held = client.sendAsync(
                HttpRequest.newBuilder(URI.create(psc.tokenEndpoint()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token")).build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(300);
        assertThat(held).isNotDone();
        assertThat(psc.lastRequest(Endpoint.TOKEN)).isNotNull();

        psc.clearFault();
        // Recovery drops the held connection rather than answering it late.
        assertThat(held).failsWithin(Duration.ofSeconds(5));
    }

    @Test
    void slowAnswersAfterTheDelay() throws Exception {
        psc.setFault(Fault.slow(Duration.ofMillis(600)).onlyOn(Endpoint.DISCOVERY));

        long start = System.nanoTime();
        assertThat(get(psc.discoveryUrl(), Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        assertThat(get(psc.jwksUri(), Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
    }

    @Test
    void http500AnswersAServerError() throws Exception {
        psc.setFault(Fault.http500().onlyOn(Endpoint.JWKS));
        assertThat(get(psc.jwksUri(), Duration.ofSeconds(5)).statusCode()).isEqualTo(500);
        assertThat(get(psc.discoveryUrl(), Duration.ofSeconds(5)).statusCode()).isEqualTo(200);

        psc.setFault(Fault.http500().withStatus(503));
        assertThat(get(psc.discoveryUrl(), Duration.ofSeconds(5)).statusCode()).isEqualTo(503);
    }

    @Test
    void oversizedSendsTwentyMegabytes() throws Exception {
        psc.setFault(Fault.oversized().onlyOn(Endpoint.JWKS));

        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(psc.jwksUri())).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(20L * 1024 * 1024);
        try (InputStream body = response.body()) {
            byte[] start = body.readNBytes(12);
            assertThat(new String(start)).isEqualTo("{\"padding\":\"");
            assertThat(12 + body.transferTo(OutputStream.nullOutputStream())).isEqualTo(20L * 1024 * 1024);
        }
    }

    @Test
    void aFaultWithADurationRecoversByItself() throws Exception {
        psc.setFault(Fault.refuse().lasting(Duration.ofMillis(300)));
        assertThatThrownBy(() -> get(psc.discoveryUrl(), Duration.ofSeconds(5)))
                .isInstanceOf(ConnectException.class);

        long deadline = System.currentTimeMillis() + 5000;
        while (!psc.fault().isNone() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(psc.fault().isNone()).isTrue();
        assertThat(get(psc.discoveryUrl(), Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
    }

    @Test
    void adminApiSwitchesFaultsWithJsonOrQuery() throws Exception {
        HttpResponse<String> set = post(psc.adminUrl() + "/fault",
                "{\"mode\":\"http500\",\"endpoints\":[\"token\"],\"status\":502}", "application/json");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(psc.fault().mode()).isEqualTo(FaultMode.HTTP500);
        assertThat(psc.fault().endpoints()).containsExactly(Endpoint.TOKEN);
        assertThat(post(psc.tokenEndpoint(), "grant_type=x", "application/x-www-form-urlencoded").statusCode())
                .isEqualTo(502);
        assertThat(TestRp.json(get(psc.adminUrl() + "/state", Duration.ofSeconds(5)).body())
                .get("fault").get("mode").asText()).isEqualTo("http500");

        // Refuse set through the main port itself; the admin port brings it back.
        String mainAdmin = psc.baseUrl() + "/_sim/fault?mode=refuse";
        assertThat(post(mainAdmin, "", "text/plain").statusCode()).isEqualTo(200);
        assertThat(psc.fault().mode()).isEqualTo(FaultMode.REFUSE);
        awaitRefused(psc.discoveryUrl());
        HttpResponse<String> cleared = send(HttpRequest.newBuilder(URI.create(psc.adminUrl() + "/fault"))
                .DELETE().build());
        assertThat(TestRp.json(cleared.body()).get("mode").asText()).isEqualTo("none");
        assertThat(get(psc.discoveryUrl(), Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
    }

    @Test
    void adminApiListsRecordedRequests() throws Exception {
        TestRp rp = new TestRp(psc, "rp", "rp-secret");
        send(HttpRequest.newBuilder(URI.create(psc.adminUrl() + "/requests")).DELETE().build());
        rp.login("899700100011");

        var requests = TestRp.json(get(psc.adminUrl() + "/requests?endpoint=authorize", Duration.ofSeconds(5))
                .body());
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).get("query").get("acr_values").get(0).asText()).isEqualTo("eidas1");
        var token = TestRp.json(get(psc.adminUrl() + "/requests?endpoint=token", Duration.ofSeconds(5)).body());
        assertThat(token.get(0).get("clientAuthentication").asText()).isEqualTo("client_secret_basic");
        assertThat(token.get(0).get("form").get("code_verifier").get(0).asText()).isEqualTo(rp.verifier);
    }

    @Test
    void faultsParseFromParameters() {
        Fault fault = ConfigJson.fault(Map.of("mode", "bad_signature", "endpoints", "certs,token", "delayMs", "10",
                "durationMs", "1000"));
        assertThat(fault.mode()).isEqualTo(FaultMode.BAD_SIGNATURE);
        assertThat(fault.endpoints()).containsExactlyInAnyOrder(Endpoint.JWKS, Endpoint.TOKEN);
        assertThat(fault.delay()).isEqualTo(Duration.ofMillis(10));
        assertThat(fault.duration()).isEqualTo(Duration.ofSeconds(1));
        assertThat(fault.appliesTo(Endpoint.USERINFO)).isFalse();
        assertThat(Fault.none().appliesTo(Endpoint.TOKEN)).isFalse();
    }

    /** The port closes just after the admin API answered on it: allow it that instant. */
    private static void awaitRefused(String url) throws Exception {
        long deadline = System.currentTimeMillis() + 2000;
        while (true) {
            try {
                get(url, Duration.ofSeconds(1));
            } catch (ConnectException e) {
                return;
            } catch (java.io.IOException e) {
                // reset in the closing instant: try again
            }
            assertThat(System.currentTimeMillis()).as("port still open").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** A fresh client each time: a pooled connection from before the fault would hide it. */
    private static HttpResponse<String> get(String url, Duration timeout) throws Exception {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String body, String contentType) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
