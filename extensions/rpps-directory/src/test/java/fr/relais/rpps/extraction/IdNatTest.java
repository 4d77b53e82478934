package fr.relais.rpps.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdNatTest {

    @Test
    void rppsAdeliAndCorsicanAdeliNumbersAreKeys() {
        assertThat(IdNat.check("810001234567")).isNull();
        assertThat(IdNat.check("0751012345")).isNull();
        assertThat(IdNat.check("02A1012345")).isNull();
        assertThat(IdNat.check("02b1012345")).isNull();
        assertThat(IdNat.check("810")).as("shortest").isNull();
        assertThat(IdNat.check("8" + "1".repeat(29))).as("longest").isNull();
    }

    @Test
    void anythingElseIsRejectedWithTheValue() {
        for (String bad : new String[] {"", "81", "8" + "1".repeat(30), "A10001234567", "8100-01234", "81000É1234",
                " 810001234567", "810001234567 ", "8100\u06f01234"}) {
            Rejection rejection = IdNat.check(bad);
            assertThat(rejection).as("'%s'", bad).isNotNull();
            assertThat(rejection.reason()).isEqualTo(BadLineReason.INVALID_IDENTIFIER);
            assertThat(rejection.detail()).contains("'" + bad + "'");
        }
        assertThat(IdNat.check(null).detail()).isEqualTo("empty idNat_PS");
    }
}
