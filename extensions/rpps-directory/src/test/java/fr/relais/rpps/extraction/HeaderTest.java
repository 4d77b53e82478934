package fr.relais.rpps.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderTest {

    @Test
    void ignoresCaseAccentsApostrophesAndPunctuation() {
        assertThat(Header.normalise("Indice répétition voie (coord. Structure)"))
                .isEqualTo(Header.normalise("indice repetition voie (coord. structure)"))
                .isEqualTo("indice repetition voie coord structure");
        assertThat(Header.normalise("Prénom d’exercice")).isEqualTo(Header.normalise(" Prénom d'exercice "));
        assertThat(Header.normalise("Code civilité")).isNotEqualTo(Header.normalise("Code civilité d'exercice"));
    }

    @Test
    void mapsBothSpellingsAndReportsTheColumnsItDoesNotUse() throws Exception {
        String[] names = {"Identification nationale PP", "Libellé civilité exercice", "Nouvelle colonne",
            "Type d'identifiant PP", "Identifiant PP", "Nom d'exercice", "Prénom d'exercice", "Code profession",
            "Code mode exercice", "Numéro FINESS site", ""};

        Header<PersonneActiviteColumn> header = Header.of("f.txt", names, PersonneActiviteColumn.class);

        String[] values = {"810100000001", "Docteur", "?", "8", "10100000001", "A", "B", "10", "L", "", ""};
        assertThat(header.size()).isEqualTo(10);
        assertThat(header.fits(values)).isTrue();
        assertThat(header.value(values, PersonneActiviteColumn.PRACTICE_CIVILITY_LABEL)).isEqualTo("Docteur");
        assertThat(header.value(values, PersonneActiviteColumn.ID_NAT)).isEqualTo("810100000001");
        assertThat(header.value(values, PersonneActiviteColumn.FINESS_SITE)).isNull();
        assertThat(header.value(values, PersonneActiviteColumn.SECTOR_CODE)).isNull();
        assertThat(header.unmappedColumns()).containsExactly("Nouvelle colonne");
    }
}
