package fr.relais.rpps.importer;

/** How an import run ended (or that it is still going). */
public enum ImportStatus {
    RUNNING,
    /** The new data is live. */
    SUCCEEDED,
    /** The source has not changed since the last successful import; nothing was read. */
    SKIPPED,
    /** Read but not applied (shrink or rejected-line threshold); the previous data stays live. */
    REFUSED,
    /** An error stopped it; the previous data stays live. */
    FAILED
}
