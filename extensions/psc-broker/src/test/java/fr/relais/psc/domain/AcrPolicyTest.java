package fr.relais.psc.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcrPolicyTest {

    @Test
    void everyKnownLevelAtOrAboveTheMinimumIsAccepted() {
        AcrPolicy eidas1 = new AcrPolicy(EidasLevel.EIDAS1);
        assertThat(eidas1.check("eidas1")).isEmpty();
        assertThat(eidas1.check("eidas2")).isEmpty();
        assertThat(eidas1.check("EIDAS3")).isEmpty();
    }

    @Test
    void levelsBelowTheMinimumAreRefused() {
        AcrPolicy eidas2 = new AcrPolicy(EidasLevel.EIDAS2);
        assertThat(eidas2.check("eidas1")).contains(AcrPolicy.Verdict.BELOW_MINIMUM);
        assertThat(eidas2.check("eidas2")).isEmpty();
        assertThat(eidas2.check("eidas3")).isEmpty();
    }

    @Test
    void absentOrUnknownValuesProveNothing() {
        AcrPolicy policy = new AcrPolicy(EidasLevel.EIDAS1);
        assertThat(policy.check(null)).contains(AcrPolicy.Verdict.MISSING);
        assertThat(policy.check(" ")).contains(AcrPolicy.Verdict.MISSING);
        assertThat(policy.check("eidas0")).contains(AcrPolicy.Verdict.UNKNOWN);
        assertThat(policy.check("0")).contains(AcrPolicy.Verdict.UNKNOWN);
    }

    @Test
    void authModeGivesTheFactors() {
        assertThat(AuthMode.amr("CARD")).containsExactly("sc", "pin", "mfa", "hwk");
        assertThat(AuthMode.amr("MOBILE")).contains("mfa").doesNotContain("sc");
        assertThat(AuthMode.amr(null)).contains("mfa");
    }
}
