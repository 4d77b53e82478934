package fr.relais.cardtls;

import java.security.KeyStore;

import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactorySpi;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * {@value CardTlsSecurityProvider#VERIFIER}: the check the TLS layer makes of a card endpoint's client
 * chains, for the server to run on every chain it hands to anything but the card login step. Gives the
 * strict manager of the latest card trust store loaded (a reload replaces it), or none if none was; the
 * key store it is initialised with is ignored.
 */
final class CardEndpointVerifierFactory extends TrustManagerFactorySpi {

    private static volatile X509ExtendedTrustManager strict;

    static void use(X509ExtendedTrustManager manager) {
        strict = manager;
    }

    @Override
    protected void engineInit(KeyStore ignored) {
    }

    @Override
    protected void engineInit(ManagerFactoryParameters ignored) {
    }

    @Override
    protected TrustManager[] engineGetTrustManagers() {
        X509ExtendedTrustManager manager = strict;
        return manager == null ? new TrustManager[0] : new TrustManager[] {manager};
    }
}
