package fr.relais.continuity.breakglass;

import java.time.Duration;
import java.time.Instant;

/** The facts about one emergency access that decide whether it still opens a session. */
public record Grant(Instant createdAt, Instant expiresAt, Instant revokedAt, int failedAttempts) {

    public GrantStatus status(Instant now, BreakGlassPolicy policy) {
        if (revokedAt != null) {
            return GrantStatus.REVOKED;
        }
        if (failedAttempts >= policy.maxFailedAttempts()) {
            return GrantStatus.LOCKED;
        }
        // The end is exclusive: at expiresAt the access is over.
        if (!now.isBefore(expiresAt)) {
            return GrantStatus.EXPIRED;
        }
        return GrantStatus.ACTIVE;
    }

    /** When the access stopped (or will stop) letting anyone in. */
    public Instant endedAt() {
        if (revokedAt != null && revokedAt.isBefore(expiresAt)) {
            return revokedAt;
        }
        return expiresAt;
    }

    public Duration remaining(Instant now) {
        Duration left = Duration.between(now, expiresAt);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
