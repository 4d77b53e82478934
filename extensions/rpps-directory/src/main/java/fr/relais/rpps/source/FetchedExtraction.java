package fr.relais.rpps.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An extraction ready to import.
 *
 * @param files       what to give the reader
 * @param version     identifies it at its source, recorded with the import to skip it next time
 * @param modifiedAt  its date at the source (epoch ms), when the source tells
 * @param temporary   downloaded or uploaded copies, deleted once imported; drop-folder files are not ours
 */
public record FetchedExtraction(List<Path> files, String version, Long modifiedAt, boolean temporary) {

    public FetchedExtraction {
        files = List.copyOf(files);
    }

    public void discard() {
        if (!temporary) {
            return;
        }
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A leftover download in the work folder is overwritten by the next one.
            }
        }
    }
}
