package fr.relais.rpps.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.relais.rpps.extraction.Activity;
import fr.relais.rpps.extraction.Address;
import fr.relais.rpps.extraction.IdentifierType;
import fr.relais.rpps.extraction.Professional;

class ImportScopeTest {

    @Test
    void wholeCountryKeepsEveryone() {
        assertThat(ImportScope.WHOLE_COUNTRY.accepts(professional())).isTrue();
        assertThat(ImportScope.WHOLE_COUNTRY.describe()).isEqualTo("toute la France");
    }

    @Test
    void keepsProfessionalsPractisingAtAFinessOrInADepartement() {
        ImportScope scope = ImportScope.of(Set.of(" 690000001 "), Set.of("2a"));

        assertThat(scope.accepts(professional(activity("690012345", "690000001", "69")))).isTrue();
        assertThat(scope.accepts(professional(activity(null, null, "2A")))).isTrue();
        assertThat(scope.accepts(professional(activity("750012345", "750000001", "75")))).isFalse();
        assertThat(scope.accepts(professional())).as("no activity at all").isFalse();
        assertThat(scope.describe()).isEqualTo("FINESS 690000001 ; départements 2A");
    }

    private static Professional professional(Activity... activities) {
        return new Professional("810000000001", IdentifierType.RPPS, "10000000001", null, null, "NOM", "PRÉNOM", null,
                null, List.of(), List.of(activities));
    }

    private static Activity activity(String finessSite, String finessLegalEntity, String departement) {
        return new Activity("60", null, null, null, null, null, null, null, finessSite, finessLegalEntity, null, null,
                null, null, new Address(null, null, null, null, null, null, null, null, null, null, null, departement,
                null, null, null, null), null);
    }
}
