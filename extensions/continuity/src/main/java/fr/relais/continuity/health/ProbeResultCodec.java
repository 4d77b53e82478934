package fr.relais.continuity.health;

import java.util.ArrayList;
import java.util.List;

/**
 * Stores a round's per-address results in one text column: one line per address, tab-separated
 * status, latency, address and error. Tabs and line breaks never occur in URLs, and are replaced in
 * error messages.
 */
public final class ProbeResultCodec {

    /** Keeps the stored text within its column; the first addresses matter most. */
    public static final int MAX_CHARS = 4000;

    private ProbeResultCodec() {
    }

    public static String encode(List<ProbeResult> results) {
        StringBuilder text = new StringBuilder();
        for (ProbeResult r : results) {
            String line = r.status() + "\t" + r.latencyMillis() + "\t" + clean(r.target()) + "\t"
                    + (r.error() == null ? "" : clean(r.error())) + "\n";
            if (text.length() + line.length() > MAX_CHARS) {
                break;
            }
            text.append(line);
        }
        return text.toString();
    }

    public static List<ProbeResult> decode(String text) {
        List<ProbeResult> results = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return results;
        }
        for (String line : text.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length < 4) {
                continue;  // a line from an older format: skip rather than fail the whole status
            }
            try {
                results.add(new ProbeResult(f[2], Integer.parseInt(f[0]), Long.parseLong(f[1]), f[3].isEmpty() ? null : f[3]));
            } catch (NumberFormatException e) {
                // same: one unreadable line must not hide the others
            }
        }
        return results;
    }

    private static String clean(String value) {
        String flat = value.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
        return flat.length() > 500 ? flat.substring(0, 500) : flat;
    }
}
