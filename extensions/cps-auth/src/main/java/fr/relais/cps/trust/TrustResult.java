package fr.relais.cps.trust;

import java.security.cert.X509Certificate;

public sealed interface TrustResult {

    /** @param issuer the authority that signed the card certificate (whose CRL decides revocation) */
    record Trusted(X509Certificate issuer) implements TrustResult {
    }

    record Untrusted(TrustRejection reason, String detail) implements TrustResult {
    }
}
