package fr.relais.cps.keycloak;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.jboss.logging.Logger;
import org.keycloak.http.HttpRequest;
import org.keycloak.services.x509.X509ClientCertificateLookup;

/**
 * Client certificates from the TLS handshake, for a Keycloak whose HTTPS trust store is a card trust
 * store: every consumer gets only a chain that passes the PKIX check the TLS layer made before Relais
 * (so {@code tls_client_auth} and certificate-bound tokens accept nothing more), while the card login
 * step reads what the browser presented, to tell the professional why a card is refused.
 */
final class CardTlsCertificateLookup implements X509ClientCertificateLookup {

    private static final Logger LOG = Logger.getLogger(CardTlsCertificateLookup.class);

    /** The card TLS agent's verifier; null without the agent, whose absence leaves the TLS layer strict. */
    private final TrustManagerFactory verifier;

    CardTlsCertificateLookup(TrustManagerFactory verifier) {
        this.verifier = verifier;
    }

    @Override
    public X509Certificate[] getCertificateChain(HttpRequest request) {
        X509Certificate[] chain = request.getClientCertificateChain();
        if (chain == null || chain.length == 0 || verifier == null) {
            return chain;
        }
        TrustManager[] strict = verifier.getTrustManagers();
        if (strict.length == 0) {
            return chain;  // no card trust store loaded: the TLS layer made its own check
        }
        try {
            ((X509TrustManager) strict[0]).checkClientTrusted(chain, "UNKNOWN");
            return chain;
        } catch (CertificateException | RuntimeException refused) {
            LOG.debugf("Client certificate %s not handed out: %s", chain[0].getSubjectX500Principal(), refused.getMessage());
            return null;
        }
    }

    /** Whether the card TLS agent is loaded: without it, the TLS layer makes the only check. */
    boolean verifiesChains() {
        return verifier != null;
    }

    /** The chain as presented, verified or not: only for the card login step, which verifies it itself. */
    X509Certificate[] presentedChain(HttpRequest request) {
        return request.getClientCertificateChain();
    }

    @Override
    public void close() {
    }
}
