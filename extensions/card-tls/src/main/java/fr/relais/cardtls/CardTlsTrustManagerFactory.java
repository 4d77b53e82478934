package fr.relais.cardtls;

import java.security.InvalidAlgorithmParameterException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;

import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.TrustManagerFactorySpi;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The JDK's PKIX trust manager factory, except for a trust store of type
 * {@value CardTlsSecurityProvider#CARD_TRUST_STORE_TYPE}: there the trust manager is a
 * {@link CardPresentingTrustManager}, and the strict manager it wraps is the one
 * {@link CardEndpointVerifierFactory} gives to the server.
 */
final class CardTlsTrustManagerFactory extends TrustManagerFactorySpi {

    private final TrustManagerFactory pkix;
    private boolean cardEndpoint;

    CardTlsTrustManagerFactory() {
        try {
            pkix = TrustManagerFactory.getInstance("PKIX");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no PKIX trust manager", e);
        }
    }

    @Override
    protected void engineInit(KeyStore store) throws KeyStoreException {
        pkix.init(store);
        cardEndpoint = store != null && CardTlsSecurityProvider.CARD_TRUST_STORE_TYPE.equalsIgnoreCase(store.getType());
    }

    @Override
    protected void engineInit(ManagerFactoryParameters parameters) throws InvalidAlgorithmParameterException {
        pkix.init(parameters);
        cardEndpoint = false;
    }

    @Override
    protected TrustManager[] engineGetTrustManagers() {
        TrustManager[] managers = pkix.getTrustManagers();
        if (!cardEndpoint) {
            return managers;
        }
        for (TrustManager manager : managers) {
            if (manager instanceof X509ExtendedTrustManager strict) {
                CardEndpointVerifierFactory.use(strict);
                return new TrustManager[] {new CardPresentingTrustManager(strict)};
            }
        }
        throw new IllegalStateException("The PKIX trust manager factory gave no X509ExtendedTrustManager");
    }
}
