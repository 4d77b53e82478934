package fr.relais.rpps.keycloak.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * A professional of the directory. Written only by the import (plain JDBC, in bulk), hence immutable
 * here: Keycloak reads it in the login path and the admin search.
 */
@Entity
@Immutable
@Table(name = "RELAIS_RPPS_PROFESSIONAL")
@NamedQueries({
    @NamedQuery(name = "relaisRppsByIdentifier",
            query = "select p from ProfessionalEntity p where p.idNat = :id or p.identifier = :id order by p.idNat"),
    @NamedQuery(name = "relaisRppsByName",
            query = "select p from ProfessionalEntity p where p.searchName like :prefix order by p.searchName, p.idNat"),
    @NamedQuery(name = "relaisRppsByProfession",
            query = "select p from ProfessionalEntity p where p.professionCode = :code order by p.searchName, p.idNat"),
    @NamedQuery(name = "relaisRppsByFiness",
            query = "select p from ProfessionalEntity p where p.idNat in (select a.idNat from ActivityEntity a"
                    + " where a.finessSite = :finess or a.finessLegalEntity = :finess) order by p.searchName, p.idNat"),
    @NamedQuery(name = "relaisRppsCount", query = "select count(p) from ProfessionalEntity p")
})
public class ProfessionalEntity {

    @Id
    @Column(name = "ID_NAT", length = 32)
    private String idNat;

    @Column(name = "IDENTIFIER_TYPE", length = 1, nullable = false)
    private String identifierType;

    @Column(name = "IDENTIFIER", length = 31, nullable = false)
    private String identifier;

    @Column(name = "CIVILITY_CODE", length = 16)
    private String civilityCode;

    @Column(name = "CIVILITY_LABEL", length = 64)
    private String civilityLabel;

    @Column(name = "PRACTICE_CIVILITY_CODE", length = 16)
    private String practiceCivilityCode;

    @Column(name = "PRACTICE_CIVILITY_LABEL", length = 64)
    private String practiceCivilityLabel;

    @Column(name = "LAST_NAME", length = 255)
    private String lastName;

    @Column(name = "FIRST_NAME", length = 255)
    private String firstName;

    @Column(name = "SEARCH_NAME", length = 255, nullable = false)
    private String searchName;

    @Column(name = "PROFESSION_CODE", length = 16)
    private String professionCode;

    @Column(name = "PROFESSION_LABEL", length = 255)
    private String professionLabel;

    @Column(name = "CATEGORY_CODE", length = 16)
    private String categoryCode;

    @Column(name = "CATEGORY_LABEL", length = 255)
    private String categoryLabel;

    @Column(name = "SAVOIR_FAIRE", length = 4000)
    private String savoirFaire;

    @Column(name = "CONTENT_HASH", length = 32, nullable = false)
    private String contentHash;

    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    public String getIdNat() {
        return idNat;
    }

    public String getIdentifierType() {
        return identifierType;
    }

    public String getIdentifier() {
        return identifier;
    }

    public String getCivilityCode() {
        return civilityCode;
    }

    public String getCivilityLabel() {
        return civilityLabel;
    }

    public String getPracticeCivilityCode() {
        return practiceCivilityCode;
    }

    public String getPracticeCivilityLabel() {
        return practiceCivilityLabel;
    }

    public String getLastName() {
        return lastName;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getSearchName() {
        return searchName;
    }

    public String getProfessionCode() {
        return professionCode;
    }

    public String getProfessionLabel() {
        return professionLabel;
    }

    public String getCategoryCode() {
        return categoryCode;
    }

    public String getCategoryLabel() {
        return categoryLabel;
    }

    public String getSavoirFaire() {
        return savoirFaire;
    }

    public String getContentHash() {
        return contentHash;
    }

    public long getUpdatedAt() {
        return updatedAt;
    }
}
