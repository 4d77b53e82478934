package fr.relais.rpps.extraction;

import java.util.List;

/** Columns of {@code Extraction_Correspondance_MSSante}; the L2…L6 postal lines are not used. */
enum MssanteColumn implements Column {
    MAILBOX_TYPE(true, "Type de BAL"),
    ADDRESS(true, "Adresse BAL"),
    ID_NAT(true, "Identification nationale PP"),
    STRUCTURE_ID_TYPE(false, "Type identifiant structure"),
    STRUCTURE_ID(false, "Identification Structure"),
    SERVICE(false, "Service de rattachement"),
    PRACTICE_CIVILITY(false, "Civilité d'exercice"),
    LAST_NAME(false, "Nom d'exercice"),
    FIRST_NAME(false, "Prénom d'exercice"),
    CATEGORY_CODE(false, "Catégorie profession"),
    CATEGORY_LABEL(false, "Libellé de catégorie profession"),
    PROFESSION_CODE(false, "Code Profession"),
    PROFESSION_LABEL(false, "Libellé Profession"),
    SAVOIR_FAIRE_CODE(false, "Code savoir-faire"),
    SAVOIR_FAIRE_LABEL(false, "Libellé savoir-faire"),
    DEMATERIALISATION(false, "Dématérialisation"),
    LEGAL_NAME(false, "Raison Sociale structure BAL"),
    TRADE_NAME(false, "Enseigne commerciale structure BAL"),
    POSTAL_CODE(false, "Code postal"),
    DEPARTEMENT(false, "Département"),
    COUNTRY(false, "Pays");

    private final boolean required;
    private final List<String> headerNames;

    MssanteColumn(boolean required, String... headerNames) {
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
