package fr.relais.rpps.directory;

import static fr.relais.rpps.directory.Records.activity;
import static fr.relais.rpps.directory.Records.cabinet;
import static fr.relais.rpps.directory.Records.doctor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class OrganisationActivityTest {

    @Test
    void prefersTheSiteOverTheLegalEntity() {
        ProfessionalRecord p = doctor(cabinet("69"), activity("690000002", "690000001", "69"),
                activity("690012345", "690000009", "69"));

        assertThat(OrganisationActivity.of(p, Set.of("690000001", "690012345")))
                .map(ActivityRecord::finessSite).contains("690012345");
        assertThat(OrganisationActivity.of(p, Set.of("690000001")))
                .map(ActivityRecord::finessSite).contains("690000002");
    }

    @Test
    void noneElsewhereOrWithoutConfiguredFiness() {
        ProfessionalRecord p = doctor(cabinet("69"));

        assertThat(OrganisationActivity.of(p, Set.of("690000001"))).isEmpty();
        assertThat(OrganisationActivity.of(doctor(activity("690012345", null, "69")), Set.of())).isEmpty();
    }
}
