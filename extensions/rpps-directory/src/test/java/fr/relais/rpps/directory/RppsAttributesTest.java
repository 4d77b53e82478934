package fr.relais.rpps.directory;

import static fr.relais.rpps.directory.Records.activity;
import static fr.relais.rpps.directory.Records.cabinet;
import static fr.relais.rpps.directory.Records.doctor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RppsAttributesTest {

    @Test
    void describesTheProfessionalAndEveryActivity() {
        Map<String, List<String>> attributes = RppsAttributes.of(doctor(activity("690012345", "690000001", "69"),
                cabinet("75")));

        assertThat(attributes).containsEntry(RppsAttributes.STATUS, List.of("present"))
                .containsEntry(RppsAttributes.IDENTIFIER_TYPE, List.of("RPPS"))
                .containsEntry(RppsAttributes.RPPS_NUMBER, List.of("10001045367"))
                .containsEntry(RppsAttributes.PROFESSION_CODE, List.of("10"))
                .containsEntry(RppsAttributes.PROFESSION, List.of("Médecin"))
                .containsEntry(RppsAttributes.PRACTICE_CIVILITY, List.of("Docteur"))
                .containsEntry(RppsAttributes.SAVOIR_FAIRE, List.of("SM54 Médecine générale"))
                .containsEntry(RppsAttributes.FINESS, List.of("690012345", "690000001"))
                .containsEntry(RppsAttributes.DEPARTEMENTS, List.of("69", "75"))
                .containsEntry(RppsAttributes.ACTIVITIES, List.of(
                        "EHPAD 690012345 (FINESS 690012345), Salarié, 69", "CABINET, Libéral, 75"))
                .doesNotContainKey(RppsAttributes.ADELI_NUMBER)
                .doesNotContainKey(RppsAttributes.LINKED_AT);
    }

    @Test
    void derivedAttributesAreTheDirectorysOwn() {
        assertThat(RppsAttributes.isDerived(RppsAttributes.PROFESSION_CODE)).isTrue();
        assertThat(RppsAttributes.isDerived(RppsAttributes.LINKED_AT)).isFalse();
        assertThat(RppsAttributes.isDerived("idnat_ps")).isFalse();
        assertThat(RppsAttributes.absent()).isEqualTo(Map.of(RppsAttributes.STATUS, List.of("absent")));
    }
}
