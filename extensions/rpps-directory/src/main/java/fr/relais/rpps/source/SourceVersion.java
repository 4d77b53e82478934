package fr.relais.rpps.source;

import java.util.Objects;

/**
 * What an HTTP source said about the file it served, kept with the import to recognise the same file
 * the next day: the ETag when the server sends one, otherwise Last-Modified, otherwise the file name
 * (ANS names carry the extraction timestamp: {@code PS_LibreAcces_202611280000.zip}).
 */
public record SourceVersion(String etag, String lastModified, String fileName) {

    private static final String SEPARATOR = "\n";

    public String encode() {
        return part(etag) + SEPARATOR + part(lastModified) + SEPARATOR + part(fileName);
    }

    public static SourceVersion decode(String encoded) {
        String[] parts = encoded.split(SEPARATOR, -1);
        if (parts.length != 3) {
            return new SourceVersion(null, null, null);
        }
        return new SourceVersion(value(parts[0]), value(parts[1]), value(parts[2]));
    }

    /** Whether both describe the same file, judging by the strongest evidence both have. */
    public boolean sameFileAs(SourceVersion other) {
        if (etag != null && other.etag != null) {
            return etag.equals(other.etag);
        }
        if (lastModified != null && other.lastModified != null) {
            return lastModified.equals(other.lastModified) && Objects.equals(fileName, other.fileName);
        }
        return fileName != null && fileName.matches(".*\\d{12}.*") && fileName.equals(other.fileName);
    }

    private static String part(String value) {
        return value == null ? "" : value.replace(SEPARATOR, " ");
    }

    private static String value(String part) {
        return part.isEmpty() ? null : part;
    }
}
