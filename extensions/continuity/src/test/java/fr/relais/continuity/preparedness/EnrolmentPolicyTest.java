package fr.relais.continuity.preparedness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class EnrolmentPolicyTest {

    @Test
    void aPscLoginWithoutOfflineMeansIsAskedToEnrolTheConfiguredOne() {
        assertThat(EnrolmentPolicy.SECURITY_KEY.requiredActionFor(true, List.of("password"))).contains("webauthn-register");
        assertThat(EnrolmentPolicy.ONE_TIME_CODE.requiredActionFor(true, List.of())).contains("CONFIGURE_TOTP");
    }

    @Test
    void anyOfflineCapableCredentialIsEnough() {
        for (String type : List.of(OfflineMeans.OTP, OfflineMeans.WEBAUTHN, OfflineMeans.WEBAUTHN_PASSWORDLESS)) {
            assertThat(EnrolmentPolicy.SECURITY_KEY.requiredActionFor(true, List.of("password", type))).as(type).isEmpty();
            assertThat(EnrolmentPolicy.ONE_TIME_CODE.requiredActionFor(true, List.of(type))).as(type).isEmpty();
        }
    }

    @Test
    void otherLoginsAreNotInterrupted() {
        assertThat(EnrolmentPolicy.SECURITY_KEY.requiredActionFor(false, List.of("password"))).isEmpty();
    }

    @Test
    void settingsAreParsedStrictly() {
        assertThat(EnrolmentPolicy.parse(null)).isEqualTo(EnrolmentPolicy.SECURITY_KEY);
        assertThat(EnrolmentPolicy.parse(" One-Time-Code ")).isEqualTo(EnrolmentPolicy.ONE_TIME_CODE);
        assertThat(EnrolmentPolicy.parse("security-key")).isEqualTo(EnrolmentPolicy.SECURITY_KEY);
        assertThatThrownBy(() -> EnrolmentPolicy.parse("sms")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sms");
    }
}
