package fr.relais.cps.trust;

import java.security.cert.X509Certificate;

public sealed interface TrustResult {

    /**
     * @param issuer        the authority that signed the card certificate (whose CRL decides revocation)
     * @param testHierarchy the chain leads to a TEST authority: a test card, whatever its own extension says
     */
    record Trusted(X509Certificate issuer, boolean testHierarchy) implements TrustResult {
    }

    record Untrusted(TrustRejection reason, String detail) implements TrustResult {
    }
}
