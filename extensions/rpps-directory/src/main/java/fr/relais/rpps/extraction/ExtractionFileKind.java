package fr.relais.rpps.extraction;

import java.util.Locale;

/** The files of the extractions, recognised by name (ANS archive entries and data.gouv.fr copies alike). */
public enum ExtractionFileKind {
    PERSONNE_ACTIVITE("personneactivite"),
    SAVOIR_FAIRE("savoirfaire"),
    MSSANTE("mssante"),
    /** Published alongside but not used by the directory (e.g. Dipl_AutExerc). */
    OTHER(null);

    private final String nameMarker;

    ExtractionFileKind(String nameMarker) {
        this.nameMarker = nameMarker;
    }

    /**
     * Matches {@code PS_LibreAcces_Personne_activite_202411280000.txt} as well as
     * {@code ps-libreacces-personne-activite.txt}: separators and case differ between the two publishers.
     */
    static ExtractionFileKind fromFileName(String fileName) {
        String squashed = fileName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        for (ExtractionFileKind kind : values()) {
            if (kind.nameMarker != null && squashed.contains(kind.nameMarker)) {
                return kind;
            }
        }
        return OTHER;
    }
}
