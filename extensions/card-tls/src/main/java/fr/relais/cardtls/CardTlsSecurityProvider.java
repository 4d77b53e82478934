package fr.relais.cardtls;

import java.security.Provider;
import java.security.Security;
import java.util.List;
import java.util.Map;

/**
 * The JCA provider that lets Keycloak's TLS layer hand cards it cannot verify to the card login step,
 * instead of ending the handshake with an alert that leaves the professional on the browser's own
 * error page and leaves no event.
 *
 * <p>It offers a key store type, {@value #CARD_TRUST_STORE_TYPE} (a PKCS#12 trust store under another
 * name), and a trust manager algorithm, {@value #ALGORITHM}, made the JVM's default. That trust manager
 * is exactly the JDK's PKIX one for every trust store but one of type {@value #CARD_TRUST_STORE_TYPE}:
 * Keycloak's HTTPS trust store when the operator declares it so ({@code https-trust-store-type}). Other
 * TLS endpoints of the JVM (the cluster transport, outgoing connections) keep the JDK's checks, and so
 * does the card endpoint until the server declares, through the security property
 * {@value #PRESENT_UNVERIFIED_PROPERTY}, that it reads client certificates only through a check of its
 * own ({@value #VERIFIER}).
 *
 * <p>Keycloak's side talks to this one through JDK types only (a security property, a trust manager
 * factory): the agent's classes live on the JVM's class path, Keycloak's providers in their own class
 * loader.
 */
public final class CardTlsSecurityProvider extends Provider {

    public static final String NAME = "RelaisCardTls";
    public static final String ALGORITHM = "RelaisCardTls";
    public static final String CARD_TRUST_STORE_TYPE = "relais-cards";

    /**
     * Trust manager factory whose managers are the strict (PKIX) ones of the card endpoint, whatever it
     * is initialised with; none while no card trust store has been loaded.
     */
    public static final String VERIFIER = "RelaisCardTlsVerifier";

    /** Security property: {@code true} once the server hands out only chains that passed {@link #VERIFIER}. */
    public static final String PRESENT_UNVERIFIED_PROPERTY = "relais.cardtls.presentUnverifiedCards";

    private static final String DEFAULT_ALGORITHM_PROPERTY = "ssl.TrustManagerFactory.algorithm";

    private CardTlsSecurityProvider() {
        super(NAME, "1.0", "Relais: card client certificates reach the login step, which verifies them");
        putService(new Service(this, "KeyStore", CARD_TRUST_STORE_TYPE, CardTrustStore.class.getName(), List.of(), Map.of()) {
            @Override
            public Object newInstance(Object constructorParameter) {
                return new CardTrustStore();
            }
        });
        putService(new Service(this, "TrustManagerFactory", ALGORITHM, CardTlsTrustManagerFactory.class.getName(),
                List.of(), Map.of()) {
            @Override
            public Object newInstance(Object constructorParameter) {
                return new CardTlsTrustManagerFactory();
            }
        });
        putService(new Service(this, "TrustManagerFactory", VERIFIER, CardEndpointVerifierFactory.class.getName(),
                List.of(), Map.of()) {
            @Override
            public Object newInstance(Object constructorParameter) {
                return new CardEndpointVerifierFactory();
            }
        });
    }

    /** Registers the provider and makes its trust manager the JVM's default; idempotent. */
    public static synchronized void install() {
        if (Security.getProvider(NAME) == null) {
            Security.addProvider(new CardTlsSecurityProvider());
        }
        Security.setProperty(DEFAULT_ALGORITHM_PROPERTY, ALGORITHM);
    }

    /** Read at each handshake: the server may declare it once its certificate lookup is in place. */
    static boolean presentsUnverifiedCards() {
        return Boolean.parseBoolean(Security.getProperty(PRESENT_UNVERIFIED_PROPERTY));
    }
}
