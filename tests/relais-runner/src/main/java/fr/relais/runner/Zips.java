package fr.relais.runner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

final class Zips {

    private Zips() {
    }

    /**
     * Extracts {@code zip} into {@code target}, dropping the first {@code stripComponents} path
     * elements of every entry (the distribution zip wraps everything in {@code keycloak-<version>/}).
     * A file whose content is already there is left untouched: Keycloak compares provider jar
     * timestamps with its last build, and a needless rewrite would force a rebuild.
     *
     * @return the files of the zip, relative to {@code target}
     */
    static Set<Path> extract(Path zip, Path target, int stripComponents) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        Set<Path> files = new HashSet<>();
        try (InputStream raw = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(raw)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path relative = strip(entry.getName(), stripComponents);
                if (relative == null) {
                    continue;
                }
                Path destination = root.resolve(relative).normalize();
                if (!destination.startsWith(root)) {
                    throw new IOException("Zip entry escapes the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    files.add(relative);
                    byte[] content = in.readAllBytes();
                    if (Files.isRegularFile(destination) && Arrays.equals(Files.readAllBytes(destination), content)) {
                        continue;
                    }
                    Files.createDirectories(destination.getParent());
                    Files.write(destination, content);
                    if (destination.getFileName().toString().endsWith(".sh")) {
                        destination.toFile().setExecutable(true);
                    }
                }
            }
        }
        return files;
    }

    private static Path strip(String name, int components) {
        String[] parts = name.split("/");
        if (parts.length <= components) {
            return null;
        }
        return Path.of(parts[components], Arrays.copyOfRange(parts, components + 1, parts.length));
    }
}
