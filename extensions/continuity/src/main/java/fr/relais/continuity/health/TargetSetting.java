package fr.relais.continuity.health;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the probes of one upstream go, as an operator writes it: {@code auto} (Relais derives the
 * addresses from the configuration that uses the upstream), {@code none} (not monitored), or a
 * comma-separated list of http(s) URLs.
 */
public record TargetSetting(boolean auto, List<URI> urls) {

    public static final String AUTO = "auto";
    public static final String NONE = "none";

    public TargetSetting {
        urls = List.copyOf(urls);
    }

    public static TargetSetting parse(String value, String defaultValue) {
        String text = value == null || value.isBlank() ? defaultValue : value.trim();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals(AUTO)) {
            return new TargetSetting(true, List.of());
        }
        if (lower.equals(NONE) || lower.isEmpty()) {
            return new TargetSetting(false, List.of());
        }
        return new TargetSetting(false, parseUrls(text));
    }

    /** Parses a comma-separated list; "none" entries are ignored, anything but http(s) is refused. */
    public static List<URI> parseUrls(String text) {
        List<URI> urls = new ArrayList<>();
        for (String part : text.split(",")) {
            String candidate = part.trim();
            if (candidate.isEmpty() || candidate.equalsIgnoreCase(NONE)) {
                continue;
            }
            URI uri;
            try {
                uri = URI.create(candidate);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Invalid probe URL " + candidate + ": " + e.getMessage());
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException("Probe URLs must be absolute http(s) URLs: " + candidate);
            }
            urls.add(uri);
        }
        return urls;
    }

    public boolean monitored() {
        return auto || !urls.isEmpty();
    }
}
