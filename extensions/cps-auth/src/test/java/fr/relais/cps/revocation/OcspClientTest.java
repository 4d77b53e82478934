package fr.relais.cps.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fr.relais.cps.Pki;
import fr.relais.testpki.CertificateAuthority;
import fr.relais.testpki.IssuedCertificate;
import fr.relais.testpki.OcspResponder;
import fr.relais.testpki.OcspResponseBuilder;

/** The OCSP exchange over real HTTP, against a responder the test controls. */
class OcspClientTest {

    private static final CertificateAuthority CA = Pki.TEST.fortPersonnes();
    private static final Duration TIMEOUT = Duration.ofMillis(1500);

    private final OcspClient client = new OcspClient();
    private final OcspResponder responder = OcspResponder.start(CA);
    private HttpServer misbehaving;

    @AfterEach
    void stop() {
        responder.close();
        if (misbehaving != null) {
            misbehaving.stop(0);
        }
    }

    @Test
    void asksTheResponderNamedInTheCertificate() {
        IssuedCertificate card = card(responder.url());
        assertThat(client.check(card.certificate(), CA.certificate(), null, TIMEOUT)).isInstanceOf(OcspAnswer.Good.class);
        responder.status(card.certificate().getSerialNumber(), OcspResponseBuilder.Status.REVOKED);
        assertThat(client.check(card.certificate(), CA.certificate(), null, TIMEOUT)).isInstanceOf(OcspAnswer.Revoked.class);
        assertThat(responder.requests()).isEqualTo(2);
    }

    @Test
    void configuredResponderReplacesTheCertificatesOne() {
        IssuedCertificate card = card("http://localhost:" + closedPort() + "/ocsp");
        assertThat(client.check(card.certificate(), CA.certificate(), URI.create(responder.url()), TIMEOUT))
                .isInstanceOf(OcspAnswer.Good.class);
        assertThat(responder.requests()).isEqualTo(1);
    }

    @Test
    void withoutAnyResponderUrlNothingIsAsked() {
        IssuedCertificate card = Pki.TEST.card("899700000033").issue();
        assertFailure(client.check(card.certificate(), CA.certificate(), null, TIMEOUT), OcspFailure.NO_RESPONDER_URL);
    }

    @Test
    void responderThatNeverAnswersTimesOut() {
        responder.blackhole(true);
        IssuedCertificate card = card(responder.url());
        assertFailure(client.check(card.certificate(), CA.certificate(), null, Duration.ofMillis(300)), OcspFailure.TIMEOUT);
        assertThat(responder.requests()).isEqualTo(1);
    }

    @Test
    void responderDownIsANetworkFailure() {
        IssuedCertificate card = card("http://localhost:" + closedPort() + "/ocsp");
        assertFailure(client.check(card.certificate(), CA.certificate(), null, TIMEOUT), OcspFailure.NETWORK);
    }

    @Test
    void httpErrorsAndOversizedBodiesAreNotAnswers() throws IOException {
        misbehaving = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        misbehaving.createContext("/error", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        misbehaving.createContext("/huge", exchange -> {
            exchange.sendResponseHeaders(200, 0);  // chunked: the size is only known while reading
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] chunk = new byte[8192];
                for (int i = 0; i < 1024; i++) {
                    out.write(chunk);
                }
            } catch (IOException clientGaveUp) {
                // Expected: the client stops reading past its cap.
            }
            exchange.close();
        });
        misbehaving.start();
        String base = "http://localhost:" + misbehaving.getAddress().getPort();
        IssuedCertificate card = card(responder.url());
        assertFailure(client.check(card.certificate(), CA.certificate(), URI.create(base + "/error"), TIMEOUT),
                OcspFailure.HTTP_STATUS);
        assertFailure(client.check(card.certificate(), CA.certificate(), URI.create(base + "/huge"), TIMEOUT),
                OcspFailure.TOO_LARGE);
    }

    @Test
    void responderUrlIsReadFromTheAuthorityInformationAccess() {
        assertThat(OcspClient.responderUrl(card("http://ocsp.relais.test/fort").certificate()))
                .isEqualTo(URI.create("http://ocsp.relais.test/fort"));
        assertThat(OcspClient.responderUrl(card("ldap://ocsp.relais.test/fort").certificate())).isNull();
    }

    private static IssuedCertificate card(String ocspUrl) {
        return Pki.TEST.card("899700000041").givenName("Anne").surname("OCSP").ocspUrl(ocspUrl).issue();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertFailure(OcspAnswer answer, OcspFailure expected) {
        assertThat(answer).isInstanceOf(OcspAnswer.Failed.class);
        assertThat(((OcspAnswer.Failed) answer).failure()).as(((OcspAnswer.Failed) answer).detail()).isEqualTo(expected);
    }
}
