package fr.relais.rpps.keycloak.importer;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import org.keycloak.provider.Provider;

import fr.relais.rpps.importer.ImportRun;

/** What administrators can do with the import (through the admin REST resource). */
public interface RppsImport extends Provider {

    /** Newest first. */
    List<ImportRun> history(int limit) throws Exception;

    Optional<ImportRun> find(String id) throws Exception;

    /**
     * Checks the configured source now (the URL when one is configured, otherwise the drop folder) and
     * imports what is new; with {@code forced}, imports even an unchanged or shrunk extraction. Runs in the
     * background.
     *
     * @return a French sentence saying what was started
     */
    String start(String triggeredBy, boolean forced);

    /**
     * Stores the uploaded extraction (streamed to disk) and imports it in the background.
     *
     * @param declaredLength the request's Content-Length, or -1: a body announced larger than the limit is
     *                       refused before a byte is stored
     * @throws UploadTooLargeException when the body is larger than {@code max-upload-mb}
     */
    void upload(InputStream body, long declaredLength, String fileName, String triggeredBy, boolean forced)
            throws IOException;

    @Override
    default void close() {
    }
}
