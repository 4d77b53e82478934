package fr.relais.continuity.grace;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The extension {@link SessionGracePolicy} granted to one ending session: offered while the session
 * was still alive, used (at most once) when the professional comes back after the session ended,
 * and closed when PSC is back, when its time is over, or when the person signed out.
 *
 * @param sessionEnd when the original session ended (or will end) on its own
 * @param until      the latest moment the continued session may live
 * @param usedAt     when a continued session was opened from it, or null
 * @param endedAt    when it was closed, or null while open
 */
public record GraceTicket(Instant sessionEnd, Instant until, Instant usedAt, Instant endedAt) {

    public GraceTicket {
        Objects.requireNonNull(sessionEnd, "sessionEnd");
        Objects.requireNonNull(until, "until");
    }

    /** Why a professional coming back may not continue. */
    public enum Refusal {
        /** Already used once: the grace is never renewed. */
        USED,
        /** Closed (PSC back, time over, signed out). */
        CLOSED,
        /**
         * The original session has not reached its own end, so it is gone for another reason
         * (signed out, ended by an administrator): the grace never brings back a session that
         * someone ended on purpose.
         */
        ENDED_EARLY,
        EXPIRED,
        PSC_BACK
    }

    /** Why an open ticket gets closed by the sweep. */
    public enum EndReason {
        PSC_BACK,
        EXPIRED,
        SIGNED_OUT
    }

    public Optional<Refusal> resumeRefusal(Instant now, boolean pscDown) {
        if (endedAt != null) {
            return Optional.of(Refusal.CLOSED);
        }
        if (usedAt != null) {
            return Optional.of(Refusal.USED);
        }
        if (!pscDown) {
            return Optional.of(Refusal.PSC_BACK);
        }
        if (!now.isBefore(until)) {
            return Optional.of(Refusal.EXPIRED);
        }
        if (now.isBefore(sessionEnd)) {
            return Optional.of(Refusal.ENDED_EARLY);
        }
        return Optional.empty();
    }

    /**
     * Whether the sweep must close this ticket now, and why: PSC back (the professional can sign in
     * normally again, so the reserve lasts no longer than the outage) or its time over.
     */
    public Optional<EndReason> endReason(Instant now, boolean pscDown) {
        if (endedAt != null) {
            return Optional.empty();
        }
        if (!pscDown) {
            return Optional.of(EndReason.PSC_BACK);
        }
        if (!now.isBefore(until)) {
            return Optional.of(EndReason.EXPIRED);
        }
        return Optional.empty();
    }
}
