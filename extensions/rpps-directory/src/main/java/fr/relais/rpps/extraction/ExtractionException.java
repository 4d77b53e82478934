package fr.relais.rpps.extraction;

/**
 * A problem that makes the whole extraction unusable, as opposed to a bad line, which is only counted.
 * An importer must keep its previous data when it gets one.
 */
public final class ExtractionException extends Exception {

    public enum Kind {
        /** The archive cannot be opened or one of its entries cannot be inflated. */
        UNREADABLE_ARCHIVE,
        /** A professional extraction without its Personne_activite file. */
        NO_PERSONNE_ACTIVITE,
        /** Two files of the same kind, e.g. two Personne_activite from different days. */
        DUPLICATE_FILE,
        /** A plain file whose name says neither Personne_activite, SavoirFaire nor MSSanté. */
        UNKNOWN_FILE,
        /** A file without a header line. */
        EMPTY_FILE,
        /** A UTF-16/32 byte-order mark, or a header that cannot be decoded. */
        UNSUPPORTED_ENCODING,
        /** The header lacks a column the records cannot be built without. */
        MISSING_COLUMNS,
        /** Reading failed below the format: disk, permissions, truncated download. */
        IO
    }

    private final Kind kind;

    ExtractionException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    ExtractionException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
