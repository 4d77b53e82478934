package fr.relais.cps.revocation;

import java.time.Instant;

/** What OCSP said about one certificate, after the response was verified. */
public sealed interface OcspAnswer {

    record Good(Instant thisUpdate) implements OcspAnswer {
    }

    record Revoked(Instant revocationTime) implements OcspAnswer {
    }

    /** No usable answer; {@code detail} is for the server log, {@code failure} for the event. */
    record Failed(OcspFailure failure, String detail) implements OcspAnswer {
    }
}
