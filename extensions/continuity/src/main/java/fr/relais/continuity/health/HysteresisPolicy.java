package fr.relais.continuity.health;

/**
 * How many rounds it takes to change an upstream's state, so that one lost packet does not flip it.
 *
 * @param downAfter    consecutive rounds without any answer before DOWN
 * @param upAfter      consecutive clean rounds before UP again (from DEGRADED or DOWN); leaving DOWN
 *                     also takes that many answered rounds, clean or not
 * @param degradeAfter impaired rounds (slow, partial or failed) within the window before UP turns DEGRADED
 * @param window       the number of latest rounds {@code degradeAfter} looks at
 */
public record HysteresisPolicy(int downAfter, int upAfter, int degradeAfter, int window) {

    /** Rounds are kept as one character each in a short column. */
    public static final int MAX_ROUNDS = 20;

    public static final HysteresisPolicy DEFAULT = new HysteresisPolicy(2, 3, 2, 5);

    public HysteresisPolicy {
        requireRange("downAfter", downAfter);
        requireRange("upAfter", upAfter);
        requireRange("degradeAfter", degradeAfter);
        requireRange("window", window);
        if (degradeAfter > window) {
            throw new IllegalArgumentException("degradeAfter (" + degradeAfter + ") cannot exceed window (" + window + ")");
        }
    }

    private static void requireRange(String name, int value) {
        if (value < 1 || value > MAX_ROUNDS) {
            throw new IllegalArgumentException(name + " must be between 1 and " + MAX_ROUNDS + ", not " + value);
        }
    }

    /** How many past rounds the machine needs to remember. */
    public int historyLength() {
        return Math.max(window, Math.max(downAfter, upAfter));
    }
}
