package fr.relais.continuity.keycloak.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One change of an upstream's state, server-wide. Kept apart from the realms' admin events (which
 * also receive each transition) so that the outage history survives a realm's event expiration and
 * can later feed the per-outage report.
 */
@Entity
@Table(name = "RELAIS_UPSTREAM_TRANSITION")
public class UpstreamTransitionEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "UPSTREAM", length = 32, nullable = false)
    private String upstream;

    @Column(name = "FROM_STATE", length = 16, nullable = false)
    private String fromState;

    @Column(name = "TO_STATE", length = 16, nullable = false)
    private String toState;

    @Column(name = "OCCURRED_AT", nullable = false)
    private long occurredAt;

    @Column(name = "CAUSE", length = 16, nullable = false)
    private String cause;

    @Column(name = "RESULTS", length = 4000)
    private String results;

    @Column(name = "NODE_NAME", length = 255)
    private String node;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getUpstream() {
        return upstream;
    }

    public void setUpstream(String upstream) {
        this.upstream = upstream;
    }

    public String getFromState() {
        return fromState;
    }

    public void setFromState(String fromState) {
        this.fromState = fromState;
    }

    public String getToState() {
        return toState;
    }

    public void setToState(String toState) {
        this.toState = toState;
    }

    public long getOccurredAt() {
        return occurredAt;
    }

    public void setOccurredAt(long occurredAt) {
        this.occurredAt = occurredAt;
    }

    public String getCause() {
        return cause;
    }

    public void setCause(String cause) {
        this.cause = cause;
    }

    public String getResults() {
        return results;
    }

    public void setResults(String results) {
        this.results = results;
    }

    public String getNode() {
        return node;
    }

    public void setNode(String node) {
        this.node = node;
    }
}
