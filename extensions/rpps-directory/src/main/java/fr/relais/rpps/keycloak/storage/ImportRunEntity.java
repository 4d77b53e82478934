package fr.relais.rpps.keycloak.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * One import run. The import job writes these rows through JDBC, inside its own transactions; Keycloak
 * reads them through {@link fr.relais.rpps.importer.ImportRuns} too. The entity declares the table to
 * Keycloak's persistence unit, like every table a JPA entity provider brings.
 */
@Entity
@Immutable
@Table(name = "RELAIS_RPPS_IMPORT")
public class ImportRunEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "STATUS", length = 16, nullable = false)
    private String status;

    @Column(name = "TRIGGER_KIND", length = 16, nullable = false)
    private String triggerKind;

    @Column(name = "TRIGGERED_BY", length = 255)
    private String triggeredBy;

    @Column(name = "NODE", length = 255)
    private String node;

    @Column(name = "SOURCE", length = 1024)
    private String source;

    @Column(name = "FILE_NAME", length = 255)
    private String fileName;

    @Column(name = "FILE_DATE")
    private Long fileDate;

    @Column(name = "SOURCE_VERSION", length = 512)
    private String sourceVersion;

    @Column(name = "FORCED", nullable = false)
    private boolean forced;

    @Column(name = "STARTED_AT", nullable = false)
    private long startedAt;

    @Column(name = "FINISHED_AT")
    private Long finishedAt;

    @Column(name = "DURATION_MS")
    private Long durationMs;

    @Column(name = "PREVIOUS_COUNT")
    private Long previousCount;

    @Column(name = "PROFESSIONALS")
    private Long professionals;

    @Column(name = "ACTIVITIES")
    private Long activities;

    @Column(name = "NEW_COUNT")
    private Long newCount;

    @Column(name = "CHANGED_COUNT")
    private Long changedCount;

    @Column(name = "GONE_COUNT")
    private Long goneCount;

    @Column(name = "REJECTED_COUNT")
    private Long rejectedCount;

    @Column(name = "OUT_OF_SCOPE_COUNT")
    private Long outOfScopeCount;

    @Column(name = "MESSAGE", length = 4000)
    private String message;

    @Column(name = "REPORT", length = 4000)
    private String report;

    public String getId() {
        return id;
    }

    public String getStatus() {
        return status;
    }

    public long getStartedAt() {
        return startedAt;
    }

    public Long getProfessionals() {
        return professionals;
    }

    public String getMessage() {
        return message;
    }
}
