package fr.relais.rpps.extraction;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The files behind the paths given to the reader: ANS archives ({@code PS_LibreAcces_*.zip},
 * {@code Extraction_Correspondance_MSSante_*.zip}) are opened and their entries classified by name;
 * plain {@code .txt} files (data.gouv.fr copies, unpacked archives) are classified the same way.
 */
final class ExtractionSources implements Closeable {

    private static final byte[] ZIP_MAGIC = {'P', 'K'};

    private final Map<ExtractionFileKind, List<ExtractionFile>> byKind = new EnumMap<>(ExtractionFileKind.class);
    private final List<String> ignored = new ArrayList<>();
    private final List<ZipFile> archives = new ArrayList<>();

    private ExtractionSources() {
        for (ExtractionFileKind kind : ExtractionFileKind.values()) {
            byKind.put(kind, new ArrayList<>());
        }
    }

    static ExtractionSources open(List<Path> paths) throws ExtractionException {
        ExtractionSources sources = new ExtractionSources();
        try {
            for (Path path : paths) {
                sources.add(path);
            }
            sources.checkComplete();
            return sources;
        } catch (ExtractionException | RuntimeException e) {
            sources.close();
            throw e;
        }
    }

    /** The file of that kind, or {@code null}; there is never more than one. */
    ExtractionFile single(ExtractionFileKind kind) {
        List<ExtractionFile> files = byKind.get(kind);
        return files.isEmpty() ? null : files.get(0);
    }

    List<String> ignored() {
        return Collections.unmodifiableList(ignored);
    }

    @Override
    public void close() {
        for (ZipFile archive : archives) {
            try {
                archive.close();
            } catch (IOException ignoredOnClose) {
                // Read-only access: nothing is lost when closing fails.
            }
        }
    }

    private void add(Path path) throws ExtractionException {
        String name = String.valueOf(path.getFileName());
        if (isZip(path)) {
            addArchive(path, name);
            return;
        }
        ExtractionFileKind kind = ExtractionFileKind.fromFileName(name);
        if (kind == ExtractionFileKind.OTHER) {
            throw new ExtractionException(ExtractionException.Kind.UNKNOWN_FILE, name
                    + " is neither a Personne_activite, a SavoirFaire nor an MSSanté extraction file");
        }
        byKind.get(kind).add(new ExtractionFile(name, kind, null, () -> Files.newInputStream(path)));
    }

    private void addArchive(Path path, String archiveName) throws ExtractionException {
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (IOException e) {
            throw new ExtractionException(ExtractionException.Kind.UNREADABLE_ARCHIVE,
                    archiveName + " cannot be opened as a zip archive: " + e.getMessage(), e);
        }
        archives.add(zip);
        List<String> entryNames = new ArrayList<>();
        boolean usable = false;
        for (ZipEntry entry : Collections.list(zip.entries())) {
            if (entry.isDirectory()) {
                continue;
            }
            String entryName = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
            entryNames.add(entryName);
            ExtractionFileKind kind = ExtractionFileKind.fromFileName(entryName);
            if (kind == ExtractionFileKind.OTHER) {
                ignored.add(archiveName + "!" + entryName);
            } else {
                usable |= kind != ExtractionFileKind.SAVOIR_FAIRE;
                byKind.get(kind).add(new ExtractionFile(entryName, kind, archiveName,
                        () -> new VerifiedEntryStream(zip.getInputStream(entry), entry)));
            }
        }
        if (!usable) {
            throw new ExtractionException(ExtractionException.Kind.NO_PERSONNE_ACTIVITE,
                    archiveName + " holds no Personne_activite (nor MSSanté) file; entries: " + entryNames);
        }
    }

    /** Two files of one kind would be two extractions mixed up; which one is current cannot be guessed. */
    private void checkComplete() throws ExtractionException {
        for (ExtractionFileKind kind : ExtractionFileKind.values()) {
            List<ExtractionFile> files = byKind.get(kind);
            if (kind != ExtractionFileKind.OTHER && files.size() > 1) {
                throw new ExtractionException(ExtractionException.Kind.DUPLICATE_FILE,
                        "several " + kind + " files given: " + files.stream().map(ExtractionFile::name).toList());
            }
        }
        if (single(ExtractionFileKind.PERSONNE_ACTIVITE) == null) {
            if (single(ExtractionFileKind.SAVOIR_FAIRE) != null) {
                throw new ExtractionException(ExtractionException.Kind.NO_PERSONNE_ACTIVITE,
                        "a SavoirFaire file without the Personne_activite file it completes");
            }
            if (single(ExtractionFileKind.MSSANTE) == null) {
                throw new ExtractionException(ExtractionException.Kind.NO_PERSONNE_ACTIVITE,
                        "no Personne_activite (nor MSSanté) file among the sources");
            }
        }
    }

    private static boolean isZip(Path path) throws ExtractionException {
        try (InputStream in = Files.newInputStream(path)) {
            return Arrays.equals(in.readNBytes(ZIP_MAGIC.length), ZIP_MAGIC);
        } catch (IOException e) {
            throw new ExtractionException(ExtractionException.Kind.IO,
                    "cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
