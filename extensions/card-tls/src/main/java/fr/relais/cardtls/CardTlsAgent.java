package fr.relais.cardtls;

/**
 * Installs {@link CardTlsSecurityProvider} when Keycloak's JVM starts ({@code -javaagent}): before
 * anything, so before the HTTPS listener loads its trust store, which no Keycloak provider can
 * guarantee (Keycloak's bootstrap, where providers start, runs alongside the listener's start).
 */
public final class CardTlsAgent {

    private CardTlsAgent() {
    }

    public static void premain(String arguments) {
        CardTlsSecurityProvider.install();
    }
}
