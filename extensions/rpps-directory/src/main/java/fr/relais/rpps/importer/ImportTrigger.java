package fr.relais.rpps.importer;

/** What started an import. */
public enum ImportTrigger {
    /** The daily download from the configured URL. */
    SCHEDULE,
    /** A new file found in the drop folder. */
    DROP_FOLDER,
    /** An administrator through the REST API. */
    MANUAL,
    /** A file uploaded by an administrator through the REST API. */
    UPLOAD
}
