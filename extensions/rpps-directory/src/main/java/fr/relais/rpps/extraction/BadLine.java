package fr.relais.rpps.extraction;

/**
 * A sampled bad line.
 *
 * @param lineNumber physical line number in the file, 1 being the header
 * @param excerpt    the beginning of the line, control characters shown as {@code ?}
 */
public record BadLine(long lineNumber, BadLineReason reason, String detail, String excerpt) {
}
