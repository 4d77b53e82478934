package fr.relais.continuity.health;

import java.util.List;

/** What one probe round of one upstream found, across all of its addresses. */
public enum RoundOutcome {
    /** Every address answered, in time. */
    OK('O'),
    /** Every address answered, at least one slowly. */
    SLOW('S'),
    /** Some addresses answered, others did not (or answered an error). */
    PARTIAL('P'),
    /** No address answered usefully. */
    FAILED('F'),
    /** The upstream has no address to probe (not configured, or "none"). */
    NOT_MONITORED('-');

    private final char code;

    RoundOutcome(char code) {
        this.code = code;
    }

    /** One character, so that a round history fits in a short database column. */
    public char code() {
        return code;
    }

    public static RoundOutcome ofCode(char code) {
        for (RoundOutcome outcome : values()) {
            if (outcome.code == code) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("Unknown round outcome code " + code);
    }

    /** The upstream answered at least in part. */
    public boolean answered() {
        return this == OK || this == SLOW || this == PARTIAL;
    }

    /** Anything short of a clean round. */
    public boolean impaired() {
        return this == SLOW || this == PARTIAL || this == FAILED;
    }

    /**
     * Classifies one round. A target that answered an HTTP error counts as failed: a PSC that
     * answers 500 cannot sign anyone in any more than one that does not answer.
     */
    public static RoundOutcome classify(List<ProbeResult> results, long slowAfterMillis) {
        if (results.isEmpty()) {
            return NOT_MONITORED;
        }
        long failed = results.stream().filter(r -> !r.ok()).count();
        if (failed == results.size()) {
            return FAILED;
        }
        if (failed > 0) {
            return PARTIAL;
        }
        boolean slow = results.stream().anyMatch(r -> r.latencyMillis() > slowAfterMillis);
        return slow ? SLOW : OK;
    }
}
