package fr.relais.cps.keycloak;

import java.security.NoSuchAlgorithmException;
import java.security.Security;

import javax.net.ssl.TrustManagerFactory;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.x509.X509ClientCertificateLookup;
import org.keycloak.services.x509.X509ClientCertificateLookupFactory;

import fr.relais.cardtls.CardTlsSecurityProvider;

/**
 * Client certificate lookup {@value #PROVIDER_ID}, the Keycloak half of the card TLS agent
 * ({@code relais-card-tls}, run with {@code -javaagent}). When this lookup is the one Keycloak uses, it
 * tells the agent that cards the TLS layer cannot verify may complete the handshake on an HTTPS trust
 * store of type {@code relais-cards}: it hands every other reader of client certificates only chains that
 * pass the agent's strict check. Under any other lookup (the proxies' ones) the agent stays strict, so
 * that no lookup can pass on a certificate nobody verified.
 *
 * <p>It is Keycloak's default lookup once installed ({@link #order()}), rather than one named in
 * {@code keycloak.conf}: a lookup named there is a build option that {@code start --optimized} compares
 * with the built one, so an image built for a proxy ({@code --spi-x509cert-lookup--provider=nginx}) would
 * refuse to start.
 *
 * <p>Only constants of the agent's classes are used here (inlined by the compiler): its classes are on
 * the JVM's class path, not in providers/, and may be absent.
 */
public final class CardTlsCertificateLookupFactory implements X509ClientCertificateLookupFactory {

    public static final String PROVIDER_ID = "relais-card-tls";

    private static final Logger LOG = Logger.getLogger(CardTlsCertificateLookupFactory.class);

    private CardTlsCertificateLookup lookup;

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public X509ClientCertificateLookup create(KeycloakSession session) {
        return lookup;
    }

    /**
     * The default when no lookup is configured: above Keycloak's own default, {@code quarkus} (order
     * 100, which reads the handshake's chain as this one does), and the proxies' lookups (0).
     */
    @Override
    public int order() {
        return 200;
    }

    @Override
    public void init(Config.Scope config) {
        lookup = new CardTlsCertificateLookup(agentVerifier());
    }

    /** Only once the providers are known: whether this lookup is the one Keycloak uses. */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        if (factory.getProviderFactory(X509ClientCertificateLookup.class) != this) {
            return;
        }
        if (!lookup.verifiesChains()) {
            LOG.warn("Connexion par carte : l'agent relais-card-tls n'est pas chargé (-javaagent) ; une carte que la couche TLS "
                    + "refuse (expirée, autorité inconnue) n'aura ni page ni événement / Card login: the relais-card-tls agent "
                    + "is not loaded (-javaagent); a card the TLS layer refuses gets neither page nor event");
            return;
        }
        Security.setProperty(CardTlsSecurityProvider.PRESENT_UNVERIFIED_PROPERTY, "true");
        LOG.infof("Connexion par carte : avec un magasin de confiance HTTPS de type %1$s, une carte que la couche TLS ne peut "
                + "vérifier atteint l'étape carte, qui dit pourquoi elle la refuse / Card login: with an HTTPS trust store of "
                + "type %1$s, a card the TLS layer cannot verify reaches the card step, which says why it refuses it",
                CardTlsSecurityProvider.CARD_TRUST_STORE_TYPE);
    }

    private static TrustManagerFactory agentVerifier() {
        try {
            return TrustManagerFactory.getInstance(CardTlsSecurityProvider.VERIFIER);
        } catch (NoSuchAlgorithmException noAgent) {
            return null;
        }
    }

    @Override
    public void close() {
    }
}
