package fr.relais.continuity.keycloak.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A cached-session grace offered to one ending session, and what became of it (the audit trail of the reserve). */
@Entity
@Table(name = "RELAIS_SESSION_GRACE")
public class SessionGraceEntity {

    /** The original user session: one ticket per session, which is what makes the grace once-only. */
    @Id
    @Column(name = "SESSION_ID", length = 64)
    private String sessionId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 255, nullable = false)
    private String userId;

    @Column(name = "USERNAME", length = 255, nullable = false)
    private String username;

    @Column(name = "OFFERED_AT", nullable = false)
    private long offeredAt;

    @Column(name = "SESSION_END", nullable = false)
    private long sessionEnd;

    @Column(name = "GRACE_UNTIL", nullable = false)
    private long until;

    @Column(name = "USED_AT")
    private Long usedAt;

    /** The session opened from this ticket, which the sweep ends. */
    @Column(name = "GRACE_SESSION_ID", length = 64)
    private String graceSessionId;

    @Column(name = "ENDED_AT")
    private Long endedAt;

    /** PSC_BACK, EXPIRED or SIGNED_OUT. */
    @Column(name = "END_REASON", length = 32)
    private String endReason;

    public String getSessionId() {
        return sessionId;
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public long getOfferedAt() {
        return offeredAt;
    }

    public void setOfferedAt(long offeredAt) {
        this.offeredAt = offeredAt;
    }

    public long getSessionEnd() {
        return sessionEnd;
    }

    public void setSessionEnd(long sessionEnd) {
        this.sessionEnd = sessionEnd;
    }

    public long getUntil() {
        return until;
    }

    public void setUntil(long until) {
        this.until = until;
    }

    public Long getUsedAt() {
        return usedAt;
    }

    public void setUsedAt(Long usedAt) {
        this.usedAt = usedAt;
    }

    public String getGraceSessionId() {
        return graceSessionId;
    }

    public void setGraceSessionId(String graceSessionId) {
        this.graceSessionId = graceSessionId;
    }

    public Long getEndedAt() {
        return endedAt;
    }

    public void setEndedAt(Long endedAt) {
        this.endedAt = endedAt;
    }

    public String getEndReason() {
        return endReason;
    }

    public void setEndReason(String endReason) {
        this.endReason = endReason;
    }
}
