package fr.relais.continuity.preparedness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CoverageTest {

    @Test
    void countsUsersWithAnOfflineCapableMeans() {
        Coverage coverage = Coverage.EMPTY
                .plus(List.of("password", "otp"))
                .plus(List.of("webauthn"))
                .plus(List.of("password"))
                .plus(List.of())
                .plus(List.of("otp", "webauthn-passwordless"));
        assertThat(coverage.activeUsers()).isEqualTo(5);
        assertThat(coverage.withOtp()).isEqualTo(2);
        assertThat(coverage.withWebAuthn()).isEqualTo(2);
        assertThat(coverage.covered()).as("someone with both counts once").isEqualTo(3);
        assertThat(coverage.uncovered()).isEqualTo(2);
        assertThat(coverage.share()).isEqualTo(0.6);
    }

    @Test
    void aPasswordIsNotAnOfflineMeans() {
        assertThat(OfflineMeans.isOfflineCapable("password")).isFalse();
        assertThat(OfflineMeans.isOfflineCapable("otp")).isTrue();
    }

    @Test
    void anEmptyRealmIsFullyCovered() {
        assertThat(Coverage.EMPTY.share()).isEqualTo(1.0);
    }
}
