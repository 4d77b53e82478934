package fr.relais.continuity.keycloak.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One attempt to use an emergency access, successful or not (RIE v2 EXI RIE-PS 16: every access logged). */
@Entity
@Table(name = "RELAIS_BREAK_GLASS_ACCESS")
public class BreakGlassAccessEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "GRANT_ID", length = 36, nullable = false)
    private String grantId;

    @Column(name = "OCCURRED_AT", nullable = false)
    private long occurredAt;

    /** SUCCESS, or why the attempt was refused (WRONG_CODE, EXPIRED, REVOKED, LOCKED). */
    @Column(name = "OUTCOME", length = 32, nullable = false)
    private String outcome;

    @Column(name = "IP_ADDRESS", length = 64)
    private String ipAddress;

    @Column(name = "USER_SESSION_ID", length = 64)
    private String userSessionId;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getGrantId() {
        return grantId;
    }

    public void setGrantId(String grantId) {
        this.grantId = grantId;
    }

    public long getOccurredAt() {
        return occurredAt;
    }

    public void setOccurredAt(long occurredAt) {
        this.occurredAt = occurredAt;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getIpAddress() {
        return ipAddress;
    }

    public void setIpAddress(String ipAddress) {
        this.ipAddress = ipAddress;
    }

    public String getUserSessionId() {
        return userSessionId;
    }

    public void setUserSessionId(String userSessionId) {
        this.userSessionId = userSessionId;
    }
}
