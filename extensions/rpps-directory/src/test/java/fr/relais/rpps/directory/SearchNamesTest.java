package fr.relais.rpps.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchNamesTest {

    @Test
    void foldsAccentsCaseAndPunctuation() {
        assertThat(SearchNames.key("LEFÈVRE", "HÉLÈNE")).isEqualTo("LEFEVRE HELENE");
        assertThat(SearchNames.key("Lefèvre-h")).isEqualTo("LEFEVRE H");
        assertThat(SearchNames.key("N'DIAYE", "Noé")).isEqualTo("N DIAYE NOE");
        assertThat(SearchNames.key("  DE LA   FONTAINE ", null)).isEqualTo("DE LA FONTAINE");
        assertThat(SearchNames.key("BEN SAÏD", "MAËLLE")).isEqualTo("BEN SAID MAELLE");
    }

    @Test
    void expandsLigaturesThatHaveNoDecomposition() {
        assertThat(SearchNames.key("CŒUR", "ÆLIS")).isEqualTo("COEUR AELIS");
    }

    @Test
    void decomposedInputFoldsLikeComposedInput() {
        assertThat(SearchNames.key("LEFE\u0300VRE")).isEqualTo("LEFEVRE");
    }

    @Test
    void nothingToSearchIsEmpty() {
        assertThat(SearchNames.key(null)).isEmpty();
        assertThat(SearchNames.key("-- '")).isEmpty();
    }
}
