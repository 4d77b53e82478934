package fr.relais.rpps.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DepartementsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "none", value = {
            "75011, 75", "01000, 01", "25300, 25", "20000, 2A", "20167, 2A", "20200, 2B", "20600, 2B", "20300, none",
            "97411, 974", "97600, 976", "98800, 988", "98000, none", "00100, none", "7501, none", "7501A, none",
            "none, none"})
    void derivesTheDepartementFromThePostalCode(String postalCode, String departement) {
        assertThat(Departements.fromPostalCode(postalCode)).isEqualTo(departement);
    }

    @ParameterizedTest(name = "{0} / {1} → {2}")
    @CsvSource(nullValues = "none", value = {"69003, 75, 69", "none, 75, 75", "CEDEX, 2B, 2B", "none, none, none"})
    void fallsBackOnTheExtractionColumn(String postalCode, String column, String departement) {
        assertThat(Departements.of(postalCode, column)).isEqualTo(departement);
    }
}
