package fr.relais.rpps.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.relais.rpps.extraction.IdentifierType;
import fr.relais.rpps.extraction.Professional;
import fr.relais.rpps.store.Dialect;

class StagingLoaderTest {

    private final List<String> rows = new ArrayList<>();

    private final StagingWriter writer = new StagingWriter() {
        @Override
        public void write(StagingRow row) {
            rows.add(row.get(StagingColumn.ID_NAT));
        }

        @Override
        public String method() {
            return "test";
        }

        @Override
        public void finish() {
        }

        @Override
        public void close() {
        }
    };

    @Test
    void stopsBeforeTheDatabaseCannotHoldTheLoad() {
        StagingLoader loader = new StagingLoader(writer, ImportScope.WHOLE_COUNTRY, 2);
        loader.professional(professional("1"));
        loader.professional(professional("2"));

        assertThatThrownBy(() -> loader.professional(professional("3")))
                .isInstanceOf(StagingLoader.LoadFailure.class)
                .hasMessageContaining("plus de 2 professionnels").hasMessageContaining("PostgreSQL");
        assertThat(rows).hasSize(2);
    }

    @Test
    void onlyH2IsLimited() {
        assertThat(Dialect.H2.maxProfessionals()).isEqualTo(50_000);
        assertThat(Dialect.POSTGRESQL.maxProfessionals()).isEqualTo(Long.MAX_VALUE);
    }

    private static Professional professional(String n) {
        return new Professional("81000000000" + n, IdentifierType.RPPS, "1000000000" + n, null, null, "NOM", "PRÉNOM",
                null, null, List.of(), List.of());
    }
}
