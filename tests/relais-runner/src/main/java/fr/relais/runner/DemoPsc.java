package fr.relais.runner;

import fr.relais.pscsim.ClientRegistration;
import fr.relais.pscsim.PscSimulator;
import fr.relais.pscsim.SimulatorConfig;

/**
 * The Pro Santé Connect look-alike that a local Relais signs in with: the simulator's demo
 * professionals are the runner's, so a PSC login lands on the same account as the card login.
 * Authorize is served on its own port, as PSC serves it from its separate wallet host.
 */
public final class DemoPsc {

    private DemoPsc() {
    }

    /**
     * @param port        main port (issuer, token, userinfo, keys, logout); 0 picks a free one
     * @param walletPort  authorize port; 0 picks a free one
     * @param relaisBaseUrl Relais's public URL, for the redirect URIs registered at the simulator
     */
    public static PscSimulator start(int port, int walletPort, String relaisBaseUrl, String clientSecret) {
        String brokerEndpoint = relaisBaseUrl + "/realms/" + RelaisInstance.REALM + "/broker/psc/endpoint*";
        return PscSimulator.start(SimulatorConfig.builder()
                .port(port)
                .walletPort(walletPort)
                .client(ClientRegistration.withSecret(PscConnection.SIMULATOR_CLIENT_ID, clientSecret, brokerEndpoint))
                .build());
    }

    /** The realm's PSC settings for a running simulator. */
    public static PscConnection connection(PscSimulator simulator, String clientSecret, int httpTimeoutMillis) {
        return new PscConnection("custom", simulator.issuer(), simulator.authorizationEndpoint(),
                PscConnection.SIMULATOR_CLIENT_ID, clientSecret, httpTimeoutMillis, true);
    }
}
