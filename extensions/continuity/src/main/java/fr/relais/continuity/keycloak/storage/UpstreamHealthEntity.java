package fr.relais.continuity.keycloak.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The state of one upstream as the whole cluster knows it: the node that probes writes it under a
 * row lock, every node reads it into memory every second.
 */
@Entity
@Table(name = "RELAIS_UPSTREAM_HEALTH")
public class UpstreamHealthEntity {

    /** {@link fr.relais.spi.health.Upstream} name. */
    @Id
    @Column(name = "UPSTREAM", length = 32)
    private String upstream;

    @Column(name = "STATE", length = 16, nullable = false)
    private String state;

    @Column(name = "SINCE")
    private Long since;

    /** Latest round outcomes, one character each, oldest first; null when empty (some databases store '' as null). */
    @Column(name = "HISTORY", length = 64)
    private String history;

    @Column(name = "ROUNDS_IN_STATE", nullable = false)
    private int roundsInState;

    @Column(name = "LAST_ROUND_AT")
    private Long lastRoundAt;

    @Column(name = "LAST_OUTCOME", length = 16)
    private String lastOutcome;

    /** Per-address results of the last round (see ProbeResultCodec). */
    @Column(name = "LAST_RESULTS", length = 4000)
    private String lastResults;

    @Column(name = "PROBED_BY", length = 255)
    private String probedBy;

    public String getUpstream() {
        return upstream;
    }

    public void setUpstream(String upstream) {
        this.upstream = upstream;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public Long getSince() {
        return since;
    }

    public void setSince(Long since) {
        this.since = since;
    }

    public String getHistory() {
        return history;
    }

    public void setHistory(String history) {
        this.history = history;
    }

    public int getRoundsInState() {
        return roundsInState;
    }

    public void setRoundsInState(int roundsInState) {
        this.roundsInState = roundsInState;
    }

    public Long getLastRoundAt() {
        return lastRoundAt;
    }

    public void setLastRoundAt(Long lastRoundAt) {
        this.lastRoundAt = lastRoundAt;
    }

    public String getLastOutcome() {
        return lastOutcome;
    }

    public void setLastOutcome(String lastOutcome) {
        this.lastOutcome = lastOutcome;
    }

    public String getLastResults() {
        return lastResults;
    }

    public void setLastResults(String lastResults) {
        this.lastResults = lastResults;
    }

    public String getProbedBy() {
        return probedBy;
    }

    public void setProbedBy(String probedBy) {
        this.probedBy = probedBy;
    }
}
