package fr.relais.cps.revocation;

/**
 * The revocation decision of one login and what it rests on.
 *
 * @param crl         the stored CRL's status, whichever source decided
 * @param ocspFailure why OCSP could not decide, when it was asked and the CRL decided instead; else null
 */
public record RevocationVerdict(Outcome outcome, Source source, RevocationStatus crl, OcspAnswer.Failed ocspFailure) {

    public enum Outcome {
        NOT_REVOKED,
        REVOKED,
        /** Revocation cannot be decided: no CRL of the issuer was ever stored. */
        NO_CRL,
        /** Revocation cannot be decided: the stored CRL is past its nextUpdate beyond the grace window. */
        CRL_STALE
    }

    public enum Source {
        CRL("crl"),
        OCSP("ocsp"),
        CRL_AFTER_OCSP_FAILURE("crl-after-ocsp-failure");

        public final String label;

        Source(String label) {
            this.label = label;
        }
    }

    /** True when the decision relies on a CRL past its nextUpdate, within the grace window. */
    public boolean inGrace() {
        return source != Source.OCSP && crl instanceof RevocationStatus.Good good && good.inGrace();
    }
}
