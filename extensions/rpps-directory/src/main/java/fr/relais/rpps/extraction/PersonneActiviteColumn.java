package fr.relais.rpps.extraction;

import java.util.List;

/**
 * Columns of {@code PS_LibreAcces_Personne_activite}, under their names in the 52-column layout and,
 * where it differs, in the 56-column one.
 */
enum PersonneActiviteColumn implements Column {
    ID_TYPE(true, "Type d'identifiant PP"),
    IDENTIFIER(true, "Identifiant PP"),
    ID_NAT(true, "Identification nationale PP"),
    PRACTICE_CIVILITY_CODE(false, "Code civilité d'exercice", "Code civilité exercice"),
    PRACTICE_CIVILITY_LABEL(false, "Libellé civilité d'exercice", "Libellé civilité exercice"),
    CIVILITY_CODE(false, "Code civilité"),
    CIVILITY_LABEL(false, "Libellé civilité"),
    LAST_NAME(true, "Nom d'exercice"),
    FIRST_NAME(true, "Prénom d'exercice"),
    PROFESSION_CODE(true, "Code profession"),
    PROFESSION_LABEL(false, "Libellé profession"),
    CATEGORY_CODE(false, "Code catégorie professionnelle"),
    CATEGORY_LABEL(false, "Libellé catégorie professionnelle"),
    // Savoir-faire may leave this file for the SavoirFaire file only: optional here.
    SAVOIR_FAIRE_TYPE_CODE(false, "Code type savoir-faire"),
    SAVOIR_FAIRE_TYPE_LABEL(false, "Libellé type savoir-faire"),
    SAVOIR_FAIRE_CODE(false, "Code savoir-faire"),
    SAVOIR_FAIRE_LABEL(false, "Libellé savoir-faire"),
    MODE_CODE(true, "Code mode exercice"),
    MODE_LABEL(false, "Libellé mode exercice"),
    SIRET(false, "Numéro SIRET site"),
    SIREN(false, "Numéro SIREN site"),
    FINESS_SITE(true, "Numéro FINESS site"),
    FINESS_LEGAL_ENTITY(false, "Numéro FINESS établissement juridique"),
    STRUCTURE_TECHNICAL_ID(false, "Identifiant technique de la structure"),
    LEGAL_NAME(false, "Raison sociale site"),
    TRADE_NAME(false, "Enseigne commerciale site"),
    RECIPIENT_COMPLEMENT(false, "Complément destinataire (coord. structure)"),
    GEOGRAPHIC_COMPLEMENT(false, "Complément point géographique (coord. structure)"),
    STREET_NUMBER(false, "Numéro Voie (coord. structure)"),
    REPETITION_INDEX(false, "Indice répétition voie (coord. structure)"),
    STREET_TYPE_CODE(false, "Code type de voie (coord. structure)"),
    STREET_TYPE_LABEL(false, "Libellé type de voie (coord. structure)"),
    STREET_NAME(false, "Libellé Voie (coord. structure)"),
    DISTRIBUTION_MENTION(false, "Mention distribution (coord. structure)"),
    CEDEX_OFFICE(false, "Bureau cedex (coord. structure)"),
    POSTAL_CODE(false, "Code postal (coord. structure)"),
    COMMUNE_CODE(false, "Code commune (coord. structure)"),
    COMMUNE_LABEL(false, "Libellé commune (coord. structure)"),
    COUNTRY_CODE(false, "Code pays (coord. structure)"),
    COUNTRY_LABEL(false, "Libellé pays (coord. structure)"),
    PHONE(false, "Téléphone (coord. structure)"),
    PHONE_2(false, "Téléphone 2 (coord. structure)"),
    FAX(false, "Télécopie (coord. structure)"),
    EMAIL(false, "Adresse e-mail (coord. structure)"),
    DEPARTEMENT_CODE(false, "Code Département (structure)", "Code département (coord. structure)"),
    STRUCTURE_ID_NAT(false, "Ancien identifiant de la structure"),
    REGISTRATION_AUTHORITY(false, "Autorité d'enregistrement"),
    SECTOR_CODE(false, "Code secteur d'activité"),
    SECTOR_LABEL(false, "Libellé secteur d'activité"),
    PHARMACIST_SECTION_CODE(false, "Code section tableau pharmaciens"),
    PHARMACIST_SECTION_LABEL(false, "Libellé section tableau pharmaciens"),
    ROLE_CODE(false, "Code fonction"),
    ROLE_LABEL(false, "Libellé fonction"),
    ACTIVITY_KIND_CODE(false, "Code genre d'activité"),
    ACTIVITY_KIND_LABEL(false, "Libellé genre d'activité");

    private final boolean required;
    private final List<String> headerNames;

    PersonneActiviteColumn(boolean required, String... headerNames) {
        this.required = required;
        this.headerNames = List.of(headerNames);
    }

    @Override
    public List<String> headerNames() {
        return headerNames;
    }

    @Override
    public boolean required() {
        return required;
    }
}
