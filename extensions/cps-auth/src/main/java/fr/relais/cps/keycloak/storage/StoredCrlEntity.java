package fr.relais.cps.keycloak.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The last good CRL of one authority, shared by every node and kept across restarts. The DER bytes
 * are kept as published (signature included) so each node verifies them again before use.
 */
@Entity
@Table(name = "RELAIS_CRL")
public class StoredCrlEntity {

    /** SHA-256 of the authority's public key, hex. */
    @Id
    @Column(name = "AUTHORITY_KEY", length = 64)
    private String authorityKey;

    @Column(name = "ISSUER_DN", length = 1024, nullable = false)
    private String issuerDn;

    @Column(name = "THIS_UPDATE", nullable = false)
    private long thisUpdate;

    @Column(name = "NEXT_UPDATE")
    private Long nextUpdate;

    @Column(name = "CRL_NUMBER", length = 64)
    private String crlNumber;

    @Column(name = "ENTRIES", nullable = false)
    private int entries;

    @Column(name = "FETCHED_AT", nullable = false)
    private long fetchedAt;

    @Column(name = "SOURCE", length = 1024, nullable = false)
    private String source;

    @Column(name = "DER", nullable = false)
    private byte[] der;

    public String getAuthorityKey() {
        return authorityKey;
    }

    public void setAuthorityKey(String authorityKey) {
        this.authorityKey = authorityKey;
    }

    public String getIssuerDn() {
        return issuerDn;
    }

    public void setIssuerDn(String issuerDn) {
        this.issuerDn = issuerDn;
    }

    public long getThisUpdate() {
        return thisUpdate;
    }

    public void setThisUpdate(long thisUpdate) {
        this.thisUpdate = thisUpdate;
    }

    public Long getNextUpdate() {
        return nextUpdate;
    }

    public void setNextUpdate(Long nextUpdate) {
        this.nextUpdate = nextUpdate;
    }

    public String getCrlNumber() {
        return crlNumber;
    }

    public void setCrlNumber(String crlNumber) {
        this.crlNumber = crlNumber;
    }

    public int getEntries() {
        return entries;
    }

    public void setEntries(int entries) {
        this.entries = entries;
    }

    public long getFetchedAt() {
        return fetchedAt;
    }

    public void setFetchedAt(long fetchedAt) {
        this.fetchedAt = fetchedAt;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public byte[] getDer() {
        return der;
    }

    public void setDer(byte[] der) {
        this.der = der;
    }
}
