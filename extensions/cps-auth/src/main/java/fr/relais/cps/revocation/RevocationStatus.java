package fr.relais.cps.revocation;

import java.time.Duration;

public sealed interface RevocationStatus {

    /**
     * Not on the authority's latest stored CRL.
     *
     * @param crlAge  time since the CRL's thisUpdate
     * @param inGrace the CRL is past its nextUpdate but within the grace window
     */
    record Good(Duration crlAge, boolean inGrace) implements RevocationStatus {
    }

    record Revoked(Duration crlAge) implements RevocationStatus {
    }

    /**
     * No CRL of this authority was ever stored, or the stored one does not cover this kind of certificate
     * (an ARL asked about a card): revocation cannot be decided.
     */
    record NoCrl() implements RevocationStatus {
    }

    /** The stored CRL is past its nextUpdate by more than the grace window. */
    record Stale(Duration crlAge, Duration overdue) implements RevocationStatus {
    }
}
