package fr.relais.rpps.extraction;

import java.io.IOException;
import java.io.InputStream;

/**
 * One text file of an extraction, plain or inside an archive.
 *
 * @param archive the archive it comes from, or {@code null} for a plain file; read errors of archived
 *                files are reported as a damaged archive
 */
record ExtractionFile(String name, ExtractionFileKind kind, String archive, Opener opener) {

    interface Opener {
        InputStream open() throws IOException;
    }

    InputStream open() throws IOException {
        return opener.open();
    }
}
