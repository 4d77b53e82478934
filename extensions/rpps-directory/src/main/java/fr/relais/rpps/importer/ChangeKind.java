package fr.relais.rpps.importer;

/** What {@code RELAIS_RPPS_CHANGE} records about a professional, per import. */
public enum ChangeKind {
    /** No longer in the extraction. */
    GONE,
    /** Still there, with another profession. */
    PROFESSION
}
