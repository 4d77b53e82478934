package fr.relais.continuity.keycloak.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One emergency access granted by an administrator to a named professional. Never deleted: the
 * rows are the evidence RIE v2 EXI RIE-PS 16 asks for. The code itself is not stored, only its
 * salted hash.
 */
@Entity
@Table(name = "RELAIS_BREAK_GLASS")
public class BreakGlassGrantEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 255, nullable = false)
    private String userId;

    @Column(name = "USERNAME", length = 255, nullable = false)
    private String username;

    @Column(name = "GRANTED_BY_ID", length = 255, nullable = false)
    private String grantedById;

    @Column(name = "GRANTED_BY", length = 255, nullable = false)
    private String grantedBy;

    @Column(name = "REASON", length = 1000, nullable = false)
    private String reason;

    /** Roles the emergency session keeps in its tokens (see RoleAllowance). */
    @Column(name = "ROLES", length = 2000, nullable = false)
    private String roles;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;

    @Column(name = "REVOKED_AT")
    private Long revokedAt;

    @Column(name = "REVOKED_BY", length = 255)
    private String revokedBy;

    @Column(name = "CODE_SALT", length = 64, nullable = false)
    private String codeSalt;

    @Column(name = "CODE_HASH", length = 128, nullable = false)
    private String codeHash;

    @Column(name = "FAILED_ATTEMPTS", nullable = false)
    private int failedAttempts;

    @Column(name = "USES", nullable = false)
    private int uses;

    @Column(name = "LAST_USED_AT")
    private Long lastUsedAt;

    /** When the sessions it opened were ended, after expiry, revocation or lock; null while still open. */
    @Column(name = "CLOSED_AT")
    private Long closedAt;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
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

    public String getGrantedById() {
        return grantedById;
    }

    public void setGrantedById(String grantedById) {
        this.grantedById = grantedById;
    }

    public String getGrantedBy() {
        return grantedBy;
    }

    public void setGrantedBy(String grantedBy) {
        this.grantedBy = grantedBy;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getRoles() {
        return roles;
    }

    public void setRoles(String roles) {
        this.roles = roles;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(long expiresAt) {
        this.expiresAt = expiresAt;
    }

    public Long getRevokedAt() {
        return revokedAt;
    }

    public void setRevokedAt(Long revokedAt) {
        this.revokedAt = revokedAt;
    }

    public String getRevokedBy() {
        return revokedBy;
    }

    public void setRevokedBy(String revokedBy) {
        this.revokedBy = revokedBy;
    }

    public String getCodeSalt() {
        return codeSalt;
    }

    public void setCodeSalt(String codeSalt) {
        this.codeSalt = codeSalt;
    }

    public String getCodeHash() {
        return codeHash;
    }

    public void setCodeHash(String codeHash) {
        this.codeHash = codeHash;
    }

    public int getFailedAttempts() {
        return failedAttempts;
    }

    public void setFailedAttempts(int failedAttempts) {
        this.failedAttempts = failedAttempts;
    }

    public int getUses() {
        return uses;
    }

    public void setUses(int uses) {
        this.uses = uses;
    }

    public Long getLastUsedAt() {
        return lastUsedAt;
    }

    public void setLastUsedAt(Long lastUsedAt) {
        this.lastUsedAt = lastUsedAt;
    }

    public Long getClosedAt() {
        return closedAt;
    }

    public void setClosedAt(Long closedAt) {
        this.closedAt = closedAt;
    }
}
