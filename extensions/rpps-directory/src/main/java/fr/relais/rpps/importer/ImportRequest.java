package fr.relais.rpps.importer;

import java.nio.file.Path;
import java.util.List;

/**
 * One import to run.
 *
 * @param files          the extraction as the reader accepts it (archives and/or text files)
 * @param source         where it came from (URL, drop-folder path, uploaded file name), as recorded
 * @param sourceVersion  identifies this file at its source; the next check skips the source while it
 *                       still announces this version
 * @param sourceDate     modification date at the source (epoch ms), when known
 * @param triggeredBy    the administrator's username, or the node for scheduled runs
 * @param forced         apply even when the guard would refuse (expected shrink, scope change)
 */
public record ImportRequest(List<Path> files, String source, String sourceVersion, Long sourceDate,
                            ImportTrigger trigger, String triggeredBy, boolean forced) {

    public ImportRequest {
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("an import needs at least one file");
        }
    }
}
