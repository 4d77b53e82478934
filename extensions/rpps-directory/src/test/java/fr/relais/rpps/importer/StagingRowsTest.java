package fr.relais.rpps.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.relais.rpps.extraction.Activity;
import fr.relais.rpps.extraction.Address;
import fr.relais.rpps.extraction.Coded;
import fr.relais.rpps.extraction.IdentifierType;
import fr.relais.rpps.extraction.Professional;
import fr.relais.rpps.extraction.SavoirFaire;

class StagingRowsTest {

    @Test
    void oneProfessionalRowThenOneRowPerActivityNumberedInFileOrder() throws Exception {
        List<String[]> rows = write(new StagingRows(), professional("HÉLÈNE", "690012345", "690099999"));

        assertThat(rows).extracting(r -> r[StagingColumn.ROW_KIND.ordinal()] + r[StagingColumn.ROW_NO.ordinal()])
                .containsExactly("P1", "A2", "A3");
        String[] professional = rows.get(0);
        assertThat(professional[StagingColumn.SEARCH_NAME.ordinal()]).isEqualTo("LEFEVRE HELENE");
        assertThat(professional[StagingColumn.SAVOIR_FAIRE.ordinal()]).isEqualTo("S|Spécialité ordinale|SI01|IPA");
        assertThat(professional[StagingColumn.CONTENT_HASH.ordinal()]).hasSize(16);
        assertThat(rows.get(1)[StagingColumn.ACTIVITY_NO.ordinal()]).isEqualTo("2");
        assertThat(rows.get(1)[StagingColumn.ADDRESS_LINE.ordinal()]).isEqualTo("12 Rue DE LA RÉPUBLIQUE");
        assertThat(rows.get(1)[StagingColumn.DEPARTEMENT.ordinal()]).isEqualTo("69");
    }

    @Test
    void theHashChangesWithAnyStoredValueAndOnlyThen() throws Exception {
        String base = hash(professional("HÉLÈNE", "690012345"));

        assertThat(hash(professional("HÉLÈNE", "690012345"))).isEqualTo(base);
        assertThat(hash(professional("HELENE", "690012345"))).isNotEqualTo(base);
        assertThat(hash(professional("HÉLÈNE", "690012346"))).isNotEqualTo(base);
        assertThat(hash(professional("HÉLÈNE", "690012345", "690099999"))).isNotEqualTo(base);
    }

    @Test
    void cutsValuesLongerThanTheirColumnAndCountsThem() throws Exception {
        StagingRows staging = new StagingRows();
        List<String[]> rows = write(staging, professional("X".repeat(300), "690012345"));

        assertThat(rows.get(0)[StagingColumn.FIRST_NAME.ordinal()]).hasSize(255);
        assertThat(staging.truncatedValues()).isEqualTo(2);  // first name and the search key built from it
    }

    private static String hash(Professional professional) throws Exception {
        return write(new StagingRows(), professional).get(0)[StagingColumn.CONTENT_HASH.ordinal()];
    }

    private static List<String[]> write(StagingRows staging, Professional professional) throws Exception {
        List<String[]> rows = new ArrayList<>();
        staging.write(professional, row -> {
            String[] values = new String[StagingColumn.values().length];
            for (StagingColumn column : StagingColumn.values()) {
                values[column.ordinal()] = row.get(column);
            }
            rows.add(values);
        });
        return rows;
    }

    private static Professional professional(String firstName, String... finess) {
        List<Activity> activities = new ArrayList<>();
        for (String site : finess) {
            activities.add(new Activity("60", new Coded("S", "Salarié"), new Coded("SA17", "EHPAD"), null, null, null,
                    "F" + site, "1" + site, site, "690000001", null, null, "EHPAD " + site, null,
                    new Address(null, null, "12", null, new Coded("R", "Rue"), "DE LA RÉPUBLIQUE", null, null, "69003",
                            new Coded("69383", "Lyon"), null, "69", null, null, null, null), null));
        }
        return new Professional("810000000002", IdentifierType.RPPS, "10000000002", new Coded("MME", "Madame"), null,
                "LEFÈVRE", firstName, new Coded("60", "Infirmier"), new Coded("C", "Civil"),
                List.of(new SavoirFaire(new Coded("S", "Spécialité ordinale"), new Coded("SI01", "IPA"))), activities);
    }
}
