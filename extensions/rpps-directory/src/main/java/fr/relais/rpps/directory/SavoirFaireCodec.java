package fr.relais.rpps.directory;

import java.util.ArrayList;
import java.util.List;

/**
 * Savoir-faire stored in one column: one entry per line, {@code typeCode|typeLabel|code|label}. Neither
 * separator can occur inside a value, because the extraction itself is {@code |}-separated and
 * line-based. A professional holds a handful of entries, so a child table would cost a third table to
 * swap for no query that needs it.
 */
public final class SavoirFaireCodec {

    /** Column size in the changelog; entries beyond it are dropped whole, never cut in the middle. */
    public static final int MAX_LENGTH = 4000;

    private SavoirFaireCodec() {
    }

    public record Entry(String typeCode, String typeLabel, String code, String label) {
    }

    public static String encode(List<Entry> entries) {
        if (entries.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (Entry entry : entries) {
            String line = part(entry.typeCode()) + '|' + part(entry.typeLabel()) + '|' + part(entry.code()) + '|'
                    + part(entry.label());
            int needed = (text.length() == 0 ? 0 : 1) + line.length();
            if (text.length() + needed > MAX_LENGTH) {
                break;
            }
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(line);
        }
        return text.toString();
    }

    public static List<Entry> decode(String stored) {
        List<Entry> entries = new ArrayList<>();
        if (stored == null || stored.isEmpty()) {
            return entries;
        }
        for (String line : stored.split("\n")) {
            String[] parts = line.split("\\|", -1);
            if (parts.length == 4) {
                entries.add(new Entry(value(parts[0]), value(parts[1]), value(parts[2]), value(parts[3])));
            }
        }
        return entries;
    }

    private static String part(String value) {
        return value == null ? "" : value.replace('|', ' ').replace('\n', ' ');
    }

    private static String value(String part) {
        return part.isEmpty() ? null : part;
    }
}
