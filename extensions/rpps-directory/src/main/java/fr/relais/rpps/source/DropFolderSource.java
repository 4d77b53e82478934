package fr.relais.rpps.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A folder an operator copies the extraction into, for sites without internet: the ANS archive
 * ({@code PS_LibreAcces_*.zip}) or its text files. The newest archive wins; without one, the newest
 * {@code Personne_activite} file and the newest {@code SavoirFaire} file. Files still being copied (changed
 * within the settle delay) are left for the next check.
 */
public final class DropFolderSource implements ExtractionSource {

    private final Path folder;
    private final Clock clock;
    private final Duration settleDelay;

    public DropFolderSource(Path folder, Clock clock, Duration settleDelay) {
        this.folder = folder;
        this.clock = clock;
        this.settleDelay = settleDelay;
    }

    @Override
    public String description() {
        return folder.toAbsolutePath().toString();
    }

    @Override
    public Optional<FetchedExtraction> fetch(Optional<String> lastImported) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        List<Candidate> candidates = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path path : entries.toList()) {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                String kind = kind(path);
                if (attributes.isRegularFile() && kind != null) {
                    candidates.add(new Candidate(path, kind, attributes.size(), attributes.lastModifiedTime().toMillis()));
                }
            }
        }
        List<Candidate> chosen = choose(candidates);
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        long settledBefore = clock.millis() - settleDelay.toMillis();
        if (chosen.stream().anyMatch(c -> c.modifiedAt() > settledBefore)) {
            return Optional.empty();
        }
        String version = chosen.stream().map(Candidate::version).reduce((a, b) -> a + ";" + b).orElseThrow();
        if (lastImported.filter(version::equals).isPresent()) {
            return Optional.empty();
        }
        long modifiedAt = chosen.stream().mapToLong(Candidate::modifiedAt).max().orElseThrow();
        return Optional.of(new FetchedExtraction(chosen.stream().map(Candidate::path).toList(), version, modifiedAt,
                false));
    }

    private record Candidate(Path path, String kind, long size, long modifiedAt) {
        String version() {
            return path.getFileName() + ":" + size + ":" + modifiedAt;
        }
    }

    private static List<Candidate> choose(List<Candidate> candidates) {
        Comparator<Candidate> newest = Comparator.comparingLong(Candidate::modifiedAt)
                .thenComparing(c -> c.path().getFileName().toString());
        Optional<Candidate> archive = candidates.stream().filter(c -> c.kind().equals("zip")).max(newest);
        if (archive.isPresent()) {
            return List.of(archive.get());
        }
        Optional<Candidate> personneActivite = candidates.stream().filter(c -> c.kind().equals("pa")).max(newest);
        if (personneActivite.isEmpty()) {
            return List.of();
        }
        List<Candidate> chosen = new ArrayList<>(List.of(personneActivite.get()));
        candidates.stream().filter(c -> c.kind().equals("sf")).max(newest).ifPresent(chosen::add);
        return chosen;
    }

    /** Named as ANS and data.gouv.fr name them; anything else in the folder is ignored. */
    private static String kind(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        String squashed = name.replaceAll("[^a-z0-9.]", "");
        if (name.endsWith(".zip") && squashed.startsWith("pslibreacces")) {
            return "zip";
        }
        if (name.endsWith(".txt") && squashed.contains("personneactivite")) {
            return "pa";
        }
        if (name.endsWith(".txt") && squashed.contains("savoirfaire")) {
            return "sf";
        }
        return null;
    }
}
