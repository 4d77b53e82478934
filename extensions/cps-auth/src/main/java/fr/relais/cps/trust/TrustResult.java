package fr.relais.cps.trust;

import java.security.cert.X509Certificate;
import java.util.List;

public sealed interface TrustResult {

    /**
     * @param path          the card, the authority that signed it, and so on up to the root
     * @param testHierarchy the chain leads to a TEST authority: a test card, whatever its own extension says
     */
    record Trusted(List<X509Certificate> path, boolean testHierarchy) implements TrustResult {

        public Trusted {
            path = List.copyOf(path);
        }

        /** The authority that signed the card certificate, whose CRL decides the card's revocation. */
        public X509Certificate issuer() {
            return path.get(1);
        }
    }

    record Untrusted(TrustRejection reason, String detail) implements TrustResult {
    }
}
