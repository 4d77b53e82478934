package fr.relais.rpps.directory;

import static fr.relais.rpps.directory.Records.activity;
import static fr.relais.rpps.directory.Records.doctor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RppsClaimsTest {

    @Test
    void carriesTheIdentityAndTheActivityAtTheOrganisation() {
        ActivityRecord ehpad = activity("690012345", "690000001", "69");

        Map<String, Object> claim = RppsClaims.of(doctor(ehpad), Optional.of(ehpad));

        assertThat(claim).containsEntry("idnat_ps", "810001045367").containsEntry("rpps", "10001045367")
                .containsEntry("nom_exercice", "GUIGNARD").containsEntry("civilite_exercice", "DR")
                .containsEntry("profession", Map.of("code", "10", "libelle", "Médecin"))
                .containsEntry("savoir_faire", List.of(Map.of("type", "S", "code", "SM54", "libelle", "Médecine générale")))
                .doesNotContainKey("adeli");
        @SuppressWarnings("unchecked")
        Map<String, Object> activite = (Map<String, Object>) claim.get("activite");
        assertThat(activite).containsEntry("finess_site", "690012345").containsEntry("finess_ej", "690000001")
                .containsEntry("mode_exercice", Map.of("code", "S", "libelle", "Salarié"))
                .containsEntry("fonction", Map.of("code", "FON-01", "libelle", "Médecin coordonnateur"))
                .containsEntry("departement", "69");
    }

    @Test
    void withoutActivityHereOrWithoutRecord() {
        assertThat(RppsClaims.of(doctor(), Optional.empty())).doesNotContainKey("activite");
        assertThat(RppsClaims.unknown("899700000001"))
                .isEqualTo(Map.of("idnat_ps", "899700000001", "present_rpps", false));
    }
}
