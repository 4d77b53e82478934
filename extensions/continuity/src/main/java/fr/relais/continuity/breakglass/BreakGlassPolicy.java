package fr.relais.continuity.breakglass;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The bounds of an emergency access (RIE v2, EXI RIE-PS 16: activated by an administrator, 24 h at
 * most, minimal access, at least one factor, every activation and access logged; a self-service
 * emergency means is a forbidden reserve).
 *
 * @param maxDuration       the longest access an administrator may grant; never above 24 h
 * @param defaultDuration   what an activation without a duration gets
 * @param maxFailedAttempts wrong codes after which the access is locked
 * @param minReasonLength   a reason is required: it is what the logs must explain later
 */
public record BreakGlassPolicy(Duration maxDuration, Duration defaultDuration, int maxFailedAttempts, int minReasonLength) {

    /** RIE v2 EXI RIE-PS 16: "24 h maximum". Not configurable upwards. */
    public static final Duration ABSOLUTE_MAX = Duration.ofHours(24);

    public static final BreakGlassPolicy DEFAULT = new BreakGlassPolicy(ABSOLUTE_MAX, Duration.ofHours(8), 5, 10);

    public BreakGlassPolicy {
        Objects.requireNonNull(maxDuration, "maxDuration");
        Objects.requireNonNull(defaultDuration, "defaultDuration");
        if (maxDuration.isNegative() || maxDuration.isZero() || maxDuration.compareTo(ABSOLUTE_MAX) > 0) {
            throw new IllegalArgumentException("The maximum emergency access must be between 1 minute and 24 hours, not " + maxDuration);
        }
        if (defaultDuration.isNegative() || defaultDuration.isZero() || defaultDuration.compareTo(maxDuration) > 0) {
            throw new IllegalArgumentException("The default emergency access must be positive and at most " + maxDuration);
        }
        if (maxFailedAttempts < 1) {
            throw new IllegalArgumentException("maxFailedAttempts must be at least 1");
        }
        if (minReasonLength < 1) {
            throw new IllegalArgumentException("A reason is always required: minReasonLength must be at least 1");
        }
    }

    /**
     * What an administrator asks for.
     *
     * @param grantorId          the administrator's user id
     * @param granteeId          the professional's user id
     * @param requested          the requested duration, or null for the default
     * @param reason             why, in the administrator's words
     * @param granteeEnabled     whether the professional's account is enabled
     * @param granteeHasActive   whether the professional already holds an active emergency access
     */
    public record Request(String grantorId, String granteeId, Duration requested, String reason,
                         boolean granteeEnabled, boolean granteeHasActive) {
    }

    public enum Refusal {
        /** An administrator cannot grant an emergency access to themselves (never self-service). */
        SELF_SERVICE,
        REASON_MISSING,
        DURATION_NOT_POSITIVE,
        DURATION_TOO_LONG,
        USER_DISABLED,
        /** One at a time: a second grant would hide how long the first one really lasts. */
        ALREADY_ACTIVE
    }

    /** Approved with its end, or refused with why. */
    public record Decision(Refusal refusal, Instant expiresAt, Duration duration) {
        public boolean approved() {
            return refusal == null;
        }
    }

    public Decision decide(Request request, Instant now) {
        if (request.grantorId() == null || request.grantorId().equals(request.granteeId())) {
            return refused(Refusal.SELF_SERVICE);
        }
        if (request.reason() == null || request.reason().strip().length() < minReasonLength) {
            return refused(Refusal.REASON_MISSING);
        }
        Duration duration = request.requested() == null ? defaultDuration : request.requested();
        if (duration.isNegative() || duration.isZero()) {
            return refused(Refusal.DURATION_NOT_POSITIVE);
        }
        if (duration.compareTo(maxDuration) > 0) {
            return refused(Refusal.DURATION_TOO_LONG);
        }
        if (!request.granteeEnabled()) {
            return refused(Refusal.USER_DISABLED);
        }
        if (request.granteeHasActive()) {
            return refused(Refusal.ALREADY_ACTIVE);
        }
        return new Decision(null, now.plus(duration), duration);
    }

    private static Decision refused(Refusal refusal) {
        return new Decision(refusal, null, null);
    }
}
