package fr.relais.rpps.keycloak.storage;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One activity of a professional; written only by the import. */
@Entity
@Immutable
@Table(name = "RELAIS_RPPS_ACTIVITY")
@IdClass(ActivityEntity.Key.class)
@NamedQueries({
    @NamedQuery(name = "relaisRppsActivitiesOf",
            query = "select a from ActivityEntity a where a.idNat in :ids order by a.idNat, a.activityNo")
})
public class ActivityEntity {

    @Id
    @Column(name = "ID_NAT", length = 32)
    private String idNat;

    /** Import row number: keeps the extraction's order, unique within a professional. */
    @Id
    @Column(name = "ACTIVITY_NO")
    private long activityNo;

    @Column(name = "PROFESSION_CODE", length = 16)
    private String professionCode;

    @Column(name = "MODE_CODE", length = 16)
    private String modeCode;

    @Column(name = "MODE_LABEL", length = 255)
    private String modeLabel;

    @Column(name = "SECTOR_CODE", length = 16)
    private String sectorCode;

    @Column(name = "SECTOR_LABEL", length = 255)
    private String sectorLabel;

    @Column(name = "ROLE_CODE", length = 32)
    private String roleCode;

    @Column(name = "ROLE_LABEL", length = 255)
    private String roleLabel;

    @Column(name = "ACTIVITY_KIND_CODE", length = 32)
    private String activityKindCode;

    @Column(name = "ACTIVITY_KIND_LABEL", length = 255)
    private String activityKindLabel;

    @Column(name = "STRUCTURE_TECHNICAL_ID", length = 64)
    private String structureTechnicalId;

    @Column(name = "STRUCTURE_ID_NAT", length = 64)
    private String structureIdNat;

    @Column(name = "FINESS_SITE", length = 16)
    private String finessSite;

    @Column(name = "FINESS_LEGAL_ENTITY", length = 16)
    private String finessLegalEntity;

    @Column(name = "SIRET", length = 16)
    private String siret;

    @Column(name = "LEGAL_NAME", length = 255)
    private String legalName;

    @Column(name = "TRADE_NAME", length = 255)
    private String tradeName;

    @Column(name = "ADDRESS_LINE", length = 255)
    private String addressLine;

    @Column(name = "ADDRESS_COMPLEMENT", length = 255)
    private String addressComplement;

    @Column(name = "POSTAL_CODE", length = 16)
    private String postalCode;

    @Column(name = "CITY", length = 255)
    private String city;

    @Column(name = "COUNTRY", length = 64)
    private String country;

    @Column(name = "DEPARTEMENT", length = 8)
    private String departement;

    @Column(name = "PHONE", length = 32)
    private String phone;

    @Column(name = "EMAIL", length = 255)
    private String email;

    public String getIdNat() {
        return idNat;
    }

    public long getActivityNo() {
        return activityNo;
    }

    public String getProfessionCode() {
        return professionCode;
    }

    public String getModeCode() {
        return modeCode;
    }

    public String getModeLabel() {
        return modeLabel;
    }

    public String getSectorCode() {
        return sectorCode;
    }

    public String getSectorLabel() {
        return sectorLabel;
    }

    public String getRoleCode() {
        return roleCode;
    }

    public String getRoleLabel() {
        return roleLabel;
    }

    public String getActivityKindCode() {
        return activityKindCode;
    }

    public String getActivityKindLabel() {
        return activityKindLabel;
    }

    public String getStructureTechnicalId() {
        return structureTechnicalId;
    }

    public String getStructureIdNat() {
        return structureIdNat;
    }

    public String getFinessSite() {
        return finessSite;
    }

    public String getFinessLegalEntity() {
        return finessLegalEntity;
    }

    public String getSiret() {
        return siret;
    }

    public String getLegalName() {
        return legalName;
    }

    public String getTradeName() {
        return tradeName;
    }

    public String getAddressLine() {
        return addressLine;
    }

    public String getAddressComplement() {
        return addressComplement;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public String getCity() {
        return city;
    }

    public String getCountry() {
        return country;
    }

    public String getDepartement() {
        return departement;
    }

    public String getPhone() {
        return phone;
    }

    public String getEmail() {
        return email;
    }

    /** Composite key (idNat_PS, activity number). */
    public static class Key implements Serializable {
        private String idNat;
        private long activityNo;

        public Key() {
        }

        public Key(String idNat, long activityNo) {
            this.idNat = idNat;
            this.activityNo = activityNo;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && activityNo == key.activityNo && Objects.equals(idNat, key.idNat);
        }

        @Override
        public int hashCode() {
            return Objects.hash(idNat, activityNo);
        }
    }
}
