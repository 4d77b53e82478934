package fr.relais.rpps.extraction;

/**
 * Limits of the reader.
 *
 * @param maxLineBytes     longest line accepted; real lines are under 1 KiB, so anything far beyond is
 *                         corruption, and the cap bounds the memory one line can take
 * @param badLineSamples   how many bad lines per file are kept with their line number and excerpt
 */
public record ReadOptions(int maxLineBytes, int badLineSamples) {

    public static final ReadOptions DEFAULTS = new ReadOptions(64 * 1024, 100);

    public ReadOptions {
        if (maxLineBytes < 1024) {
            throw new IllegalArgumentException("maxLineBytes must be at least 1024, got " + maxLineBytes);
        }
        if (badLineSamples < 0) {
            throw new IllegalArgumentException("badLineSamples must not be negative, got " + badLineSamples);
        }
    }
}
