package fr.relais.runner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

final class Zips {

    private Zips() {
    }

    /**
     * Extracts {@code zip} into {@code target}, dropping the first {@code stripComponents} path
     * elements of every entry (the distribution zip wraps everything in {@code keycloak-<version>/}).
     */
    static void extract(Path zip, Path target, int stripComponents) throws IOException {
        Path root = target.toAbsolutePath().normalize();
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
                    Files.createDirectories(destination.getParent());
                    Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
                    if (destination.getFileName().toString().endsWith(".sh")) {
                        destination.toFile().setExecutable(true);
                    }
                }
            }
        }
    }

    private static Path strip(String name, int components) {
        String[] parts = name.split("/");
        if (parts.length <= components) {
            return null;
        }
        return Path.of(parts[components], java.util.Arrays.copyOfRange(parts, components + 1, parts.length));
    }
}
