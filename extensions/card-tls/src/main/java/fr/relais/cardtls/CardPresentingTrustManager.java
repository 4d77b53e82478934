package fr.relais.cardtls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trust manager of the card login endpoint. Once the server declares it checks client chains itself
 * ({@link CardTlsSecurityProvider#PRESENT_UNVERIFIED_PROPERTY}), a client certificate the PKIX check
 * refuses (an expired card, a look-alike authority) still completes the handshake, so the login step can
 * show the professional why and record the event; nothing is trusted because of it: the server runs the
 * same PKIX check ({@link CardEndpointVerifierFactory}) before anything but the card step sees a chain.
 * The client still proves it holds the certificate's key (the TLS CertificateVerify message), whatever
 * this manager says. Server certificates and the authorities announced to browsers are the strict
 * manager's.
 */
final class CardPresentingTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager strict;

    CardPresentingTrustManager(X509ExtendedTrustManager strict) {
        this.strict = strict;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        try {
            strict.checkClientTrusted(chain, authType, engine);
        } catch (CertificateException refused) {
            presentedNotTrusted(refused);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        try {
            strict.checkClientTrusted(chain, authType, socket);
        } catch (CertificateException refused) {
            presentedNotTrusted(refused);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            strict.checkClientTrusted(chain, authType);
        } catch (CertificateException refused) {
            presentedNotTrusted(refused);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        strict.checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        strict.checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        strict.checkServerTrusted(chain, authType);
    }

    /** Lets the handshake go on, unless the server has not taken over the check (see the class comment). */
    private static void presentedNotTrusted(CertificateException refused) throws CertificateException {
        if (!CardTlsSecurityProvider.presentsUnverifiedCards()) {
            throw refused;
        }
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return strict.getAcceptedIssuers();
    }
}
