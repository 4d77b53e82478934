package fr.relais.rpps.extraction;

/** Why a line was left out of the import. */
public enum BadLineReason {
    /** Longer than {@link ReadOptions#maxLineBytes()}; skipped without being buffered whole. */
    LINE_TOO_LONG,
    /** A line with no content at all. */
    EMPTY_LINE,
    /** Control bytes (NUL, lone CR, …) that no text field contains: binary garbage or a broken transfer. */
    CONTROL_CHARACTERS,
    /** Bytes that are not valid UTF-8 in a file detected as UTF-8. */
    ENCODING,
    /** Not the number of fields the header announces, e.g. a {@code |} inside a value. */
    FIELD_COUNT,
    /** Missing or malformed idNat_PS, unknown identifier type, or an idNat that is not type + identifier. */
    INVALID_IDENTIFIER,
    /** A value the row cannot do without is empty or malformed (a savoir-faire code, a mailbox address). */
    MISSING_VALUE
}
