package fr.relais.rpps.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.UserModel;

class DirectorySearchTest {

    @Test
    void usesKeycloaksSearchParameter() {
        assertThat(DirectorySearch.SEARCH_PARAMETER).isEqualTo(UserModel.SEARCH);
    }

    @Test
    void identifiersAreLookedUpExactly() {
        assertThat(DirectorySearch.freeText("810001045367")).contains(
                new DirectorySearch(DirectorySearch.Kind.IDENTIFIER, "810001045367"));
        assertThat(DirectorySearch.freeText("*02A6000012*")).contains(
                new DirectorySearch(DirectorySearch.Kind.IDENTIFIER, "02A6000012"));
    }

    @Test
    void textIsANamePrefix() {
        assertThat(DirectorySearch.freeText("*Lefèvre h*")).contains(
                new DirectorySearch(DirectorySearch.Kind.NAME, "LEFEVRE H"));
    }

    @Test
    void searchesThatWouldScanTheCountryAreIgnored() {
        assertThat(DirectorySearch.freeText("*")).isEmpty();
        assertThat(DirectorySearch.freeText("a")).isEmpty();
        assertThat(DirectorySearch.freeText(null)).isEmpty();
        assertThat(DirectorySearch.from(Map.of())).isEmpty();
    }

    @Test
    void attributeSearchesTargetTheirIndex() {
        assertThat(DirectorySearch.from(Map.of(RppsAttributes.PROFESSION_CODE, "60"))).contains(
                new DirectorySearch(DirectorySearch.Kind.PROFESSION, "60"));
        assertThat(DirectorySearch.from(Map.of(RppsAttributes.FINESS, " 2a0001234 "))).contains(
                new DirectorySearch(DirectorySearch.Kind.FINESS, "2A0001234"));
        assertThat(DirectorySearch.from(Map.of("idnat_ps", "810001045367"))).contains(
                new DirectorySearch(DirectorySearch.Kind.IDENTIFIER, "810001045367"));
        assertThat(DirectorySearch.from(Map.of(UserModel.SEARCH, "martin"))).contains(
                new DirectorySearch(DirectorySearch.Kind.NAME, "MARTIN"));
    }
}
