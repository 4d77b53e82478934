package fr.relais.continuity.grace;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Cached-session grace: during a Pro Santé Connect outage, a professional who has no means that
 * works offline (no CPS card reader at hand, no FIDO2 key, no OTP) would lose their session at its
 * 4 h limit and could not sign in again. This policy lets such a session be extended once, by a
 * bounded time, and only while PSC is down.
 *
 * <p>It stretches the RIE v2 session guidance (EXI RIE-PS 13: IdP session at most 4 h), so it is
 * off by default and, when enabled, must be declared as a <em>réserve</em> in the attestation de
 * conformité (EXI RIE-PS 17), with its action plan: enrolling an offline-capable means for every
 * professional (see the preparedness coverage).
 *
 * @param enabled   off unless an operator turns it on
 * @param extension how much longer the session may live; at most {@link #MAX_EXTENSION}
 * @param window    how close to its end a session must be for the extension to be considered
 */
public record SessionGracePolicy(boolean enabled, Duration extension, Duration window) {

    /** Never more than another RIE session length. */
    public static final Duration MAX_EXTENSION = Duration.ofHours(4);

    public static final SessionGracePolicy DISABLED = new SessionGracePolicy(false, Duration.ofHours(1), Duration.ofMinutes(15));

    public SessionGracePolicy {
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(window, "window");
        if (extension.isNegative() || extension.isZero() || extension.compareTo(MAX_EXTENSION) > 0) {
            throw new IllegalArgumentException("The session grace must be between 1 minute and 4 hours, not " + extension);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("The session grace window must be positive");
        }
    }

    /**
     * The facts about one session.
     *
     * @param pscDown          PSC is known to be down (never on a guess: UNKNOWN is not down)
     * @param hasOfflineMeans  the user has an OTP or FIDO2 credential, so can sign in again without PSC
     * @param alreadyExtended  the session was extended once already
     * @param sessionEnd       when the session would end without grace
     */
    public record Session(boolean pscDown, boolean hasOfflineMeans, boolean alreadyExtended, Instant sessionEnd) {
    }

    public enum Refusal {
        DISABLED,
        PSC_NOT_DOWN,
        HAS_OFFLINE_MEANS,
        ALREADY_EXTENDED,
        NOT_ENDING_SOON,
        ALREADY_ENDED
    }

    /** Extended until {@code until}, or refused with why. */
    public record Decision(Refusal refusal, Instant until) {
        public boolean granted() {
            return refusal == null;
        }
    }

    public Decision decide(Session session, Instant now) {
        if (!enabled) {
            return new Decision(Refusal.DISABLED, null);
        }
        if (!session.pscDown()) {
            return new Decision(Refusal.PSC_NOT_DOWN, null);
        }
        if (session.hasOfflineMeans()) {
            return new Decision(Refusal.HAS_OFFLINE_MEANS, null);
        }
        if (session.alreadyExtended()) {
            return new Decision(Refusal.ALREADY_EXTENDED, null);
        }
        if (!now.isBefore(session.sessionEnd())) {
            return new Decision(Refusal.ALREADY_ENDED, null);
        }
        if (Duration.between(now, session.sessionEnd()).compareTo(window) > 0) {
            return new Decision(Refusal.NOT_ENDING_SOON, null);
        }
        return new Decision(null, session.sessionEnd().plus(extension));
    }

    /**
     * A session living on grace ends as soon as PSC is back: the professional can then sign in
     * normally, and the reserve is used no longer than the outage.
     */
    public boolean graceEnds(boolean pscDown) {
        return !pscDown;
    }
}
