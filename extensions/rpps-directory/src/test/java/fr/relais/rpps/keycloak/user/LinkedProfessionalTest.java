package fr.relais.rpps.keycloak.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.storage.ReadOnlyException;
import org.keycloak.storage.adapter.InMemoryUserAdapter;

import fr.relais.rpps.directory.RppsAttributes;

class LinkedProfessionalTest {

    private final InMemoryUserAdapter account = new InMemoryUserAdapter(null, null, "user-1");

    LinkedProfessionalTest() {
        account.setUsername("810000000001");
        account.setSingleAttribute("idnat_ps", "810000000001");
        account.setSingleAttribute("service", "Unité Alzheimer");
        // A stale copy, e.g. from a realm export re-imported: the directory's value must win.
        account.setSingleAttribute(RppsAttributes.PROFESSION_CODE, "10");
    }

    @Test
    void laysTheDirectorysAttributesOverTheAccount() {
        LinkedProfessional user = new LinkedProfessional(account, Map.of(
                RppsAttributes.PROFESSION_CODE, List.of("60"), RppsAttributes.STATUS, List.of("present")));

        assertThat(user.getAttributes()).containsEntry("service", List.of("Unité Alzheimer"))
                .containsEntry("idnat_ps", List.of("810000000001"))
                .containsEntry(RppsAttributes.PROFESSION_CODE, List.of("60"))
                .containsEntry(RppsAttributes.STATUS, List.of("present"));
        assertThat(user.getFirstAttribute(RppsAttributes.PROFESSION_CODE)).isEqualTo("60");
        assertThat(user.getAttributeStream(RppsAttributes.FINESS)).isEmpty();
        assertThat(user.getFirstAttribute("service")).isEqualTo("Unité Alzheimer");
    }

    @Test
    void theDirectorysAttributesAreReadOnlyTheAccountsAreNot() {
        LinkedProfessional user = new LinkedProfessional(account, RppsAttributes.absent());

        assertThatThrownBy(() -> user.setSingleAttribute(RppsAttributes.PROFESSION_CODE, "10"))
                .isInstanceOf(ReadOnlyException.class).hasMessageContaining("annuaire RPPS");
        assertThatThrownBy(() -> user.removeAttribute(RppsAttributes.STATUS)).isInstanceOf(ReadOnlyException.class);

        user.setSingleAttribute("service", "Accueil de jour");
        user.setSingleAttribute(RppsAttributes.LINKED_AT, "2026-11-29T10:00:00Z");
        user.setEmail("claire.martin@ehpad.example");

        assertThat(account.getFirstAttribute("service")).isEqualTo("Accueil de jour");
        assertThat(account.getFirstAttribute(RppsAttributes.LINKED_AT)).isEqualTo("2026-11-29T10:00:00Z");
        assertThat(user.isEnabled()).isEqualTo(account.isEnabled());
    }
}
