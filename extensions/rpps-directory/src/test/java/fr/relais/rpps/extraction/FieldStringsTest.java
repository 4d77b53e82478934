package fr.relais.rpps.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldStringsTest {

    private final FieldStrings strings = new FieldStrings();

    @Test
    void aColumnRepeatingAValueGetsTheSameString() {
        String first = of(3, "Infirmier", "|");
        String again = of(3, "Infirmier", "Sage-femme|");

        assertThat(first).isEqualTo("Infirmier").isSameAs(again);
    }

    @Test
    void valuesThatShareASlotNeverGetEachOthersText() {
        // Same length, and the same characters wherever the slot is computed from: only the second differs.
        assertThat(of(0, "10001")).isEqualTo("10001");
        assertThat(of(0, "12001")).isEqualTo("12001");
        assertThat(of(0, "10001")).isEqualTo("10001");
        assertThat(of(0, "13001")).isEqualTo("13001");
        assertThat(of(0, "1000")).isEqualTo("1000");
    }

    @Test
    void aColumnOfUniqueValuesDoesNotEvictAnotherColumn() {
        String profession = of(0, "Médecin");
        for (int i = 0; i < FieldStrings.SLOTS * 4; i++) {
            assertThat(of(1, "06" + i)).isEqualTo("06" + i);
        }

        assertThat(of(0, "Médecin")).isSameAs(profession);
    }

    @Test
    void longValuesAreNeverKept() {
        String street = "x".repeat(FieldStrings.MAX_LENGTH + 1);

        String first = of(2, street);
        String again = of(2, street);

        assertThat(first).isEqualTo(street).isEqualTo(again).isNotSameAs(again);
    }

    @Test
    void anEmptyFieldIsTheEmptyString() {
        assertThat(of(5, "")).isEmpty();
    }

    @Test
    void columnsFarBeyondTheExtractionsWidthAreServedButNotKept() {
        int last = FieldStrings.MAX_COLUMNS - 1;
        assertThat(of(last, "late")).isEqualTo("late").isSameAs(of(last, "late"));

        String first = of(FieldStrings.MAX_COLUMNS, "hostile");
        assertThat(first).isEqualTo("hostile").isNotSameAs(of(FieldStrings.MAX_COLUMNS, "hostile"));
    }

    /** {@code value} inside a longer buffer, after {@code before}, as the parser hands a field over. */
    private String of(int column, String value, String before) {
        char[] chars = (before + value + "|rest").toCharArray();
        return strings.of(column, chars, before.length(), value.length());
    }

    private String of(int column, String value) {
        return of(column, value, "start|");
    }
}
