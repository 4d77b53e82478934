package fr.relais.bench.rpps;

import java.util.SplittableRandom;

/** Zero-padded numbers without {@code String.format}, which would dominate the generation time. */
final class Digits {

    private Digits() {
    }

    static String padded(long value, int width) {
        String digits = Long.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    static String random(SplittableRandom random, int width) {
        StringBuilder digits = new StringBuilder(width);
        for (int i = 0; i < width; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }
}
