package fr.relais.rpps.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SavoirFaireCodecTest {

    @Test
    void roundTripsEntriesWithMissingParts() {
        List<SavoirFaireCodec.Entry> entries = List.of(
                new SavoirFaireCodec.Entry("S", "Spécialité ordinale", "SM54", "Médecine générale"),
                new SavoirFaireCodec.Entry(null, null, "CM01", null));

        String stored = SavoirFaireCodec.encode(entries);

        assertThat(stored).isEqualTo("S|Spécialité ordinale|SM54|Médecine générale\n||CM01|");
        assertThat(SavoirFaireCodec.decode(stored)).isEqualTo(entries);
    }

    @Test
    void noEntriesIsNull() {
        assertThat(SavoirFaireCodec.encode(List.of())).isNull();
        assertThat(SavoirFaireCodec.decode(null)).isEmpty();
    }

    @Test
    void dropsWholeEntriesBeyondTheColumnSize() {
        List<SavoirFaireCodec.Entry> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(new SavoirFaireCodec.Entry("C", "Compétence", "C" + i, "Une compétence au libellé assez long " + i));
        }

        String stored = SavoirFaireCodec.encode(many);

        assertThat(stored.length()).isLessThanOrEqualTo(SavoirFaireCodec.MAX_LENGTH);
        assertThat(SavoirFaireCodec.decode(stored)).allSatisfy(e -> assertThat(e.label()).startsWith("Une compétence"));
    }
}
