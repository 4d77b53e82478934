package fr.relais.rpps.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressLinesTest {

    @Test
    void writesTheStreetLineAsFrenchAddressesDo() {
        assertThat(AddressLines.street("12", "B", "Rue", "DE LA RÉPUBLIQUE")).isEqualTo("12 B Rue DE LA RÉPUBLIQUE");
        assertThat(AddressLines.street(null, null, null, "LIEU-DIT LES VIGNES")).isEqualTo("LIEU-DIT LES VIGNES");
        assertThat(AddressLines.street(null, null, null, null)).isNull();
    }

    @Test
    void complementAndCity() {
        assertThat(AddressLines.complement("BÂTIMENT A", "LIEU-DIT X")).isEqualTo("BÂTIMENT A, LIEU-DIT X");
        assertThat(AddressLines.complement(" ", null)).isNull();
        assertThat(AddressLines.city("Lyon", "69003 LYON CEDEX 03")).isEqualTo("Lyon");
        assertThat(AddressLines.city(null, "69003 LYON CEDEX 03")).isEqualTo("69003 LYON CEDEX 03");
    }
}
