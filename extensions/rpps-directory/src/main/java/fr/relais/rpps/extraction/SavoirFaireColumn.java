package fr.relais.rpps.extraction;

import java.util.List;

/**
 * Columns of {@code PS_LibreAcces_SavoirFaire} that the join needs; names and profession come from
 * Personne_activite.
 */
enum SavoirFaireColumn implements Column {
    ID_NAT(true, "Identification nationale PP"),
    TYPE_CODE(false, "Code type savoir-faire"),
    TYPE_LABEL(false, "Libellé type savoir-faire"),
    CODE(true, "Code savoir-faire"),
    LABEL(false, "Libellé savoir-faire");

    private final boolean required;
    private final List<String> headerNames;

    SavoirFaireColumn(boolean required, String... headerNames) {
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
