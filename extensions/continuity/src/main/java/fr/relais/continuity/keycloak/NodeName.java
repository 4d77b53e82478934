package fr.relais.continuity.keycloak;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Names this node in the shared state and the logs, so an operator can tell which node probed. */
final class NodeName {

    private static final String NAME = compute();

    private NodeName() {
    }

    static String get() {
        return NAME;
    }

    private static String compute() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        // Several nodes may share a host (tests, a two-node appliance on one VM): the pid tells them apart.
        return host + "/" + ProcessHandle.current().pid();
    }
}
