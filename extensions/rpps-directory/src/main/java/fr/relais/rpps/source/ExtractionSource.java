package fr.relais.rpps.source;

import java.io.IOException;
import java.util.Optional;

/** A place extractions are taken from. */
public interface ExtractionSource {

    /** Recorded as the import's source; also the key under which its last imported version is kept. */
    String description();

    /**
     * @param lastImported the version last imported successfully from this source
     * @return the extraction, or empty when the source offers nothing new
     */
    Optional<FetchedExtraction> fetch(Optional<String> lastImported) throws IOException;
}
