package fr.relais.continuity.health;

/**
 * What one address answered to one probe.
 *
 * @param target        the probed URL
 * @param status        the HTTP status, or 0 when nothing came back
 * @param latencyMillis time until the status line arrived, or until the probe gave up
 * @param error         why nothing usable came back (exception name and message), or null
 */
public record ProbeResult(String target, int status, long latencyMillis, String error) {

    public static ProbeResult answered(String target, int status, long latencyMillis) {
        return new ProbeResult(target, status, latencyMillis, status >= 400 ? "HTTP " + status : null);
    }

    public static ProbeResult unanswered(String target, long latencyMillis, String error) {
        return new ProbeResult(target, 0, latencyMillis, error);
    }

    /** An answer that shows the service works: 2xx, or a redirect. */
    public boolean ok() {
        return status >= 200 && status < 400;
    }
}
