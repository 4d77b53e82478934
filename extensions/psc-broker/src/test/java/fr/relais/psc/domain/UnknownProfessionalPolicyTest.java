package fr.relais.psc.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnknownProfessionalPolicyTest {

    @Test
    void unsetMeansRefuse() {
        assertThat(UnknownProfessionalPolicy.fromConfig(null)).contains(UnknownProfessionalPolicy.REFUSE);
        assertThat(UnknownProfessionalPolicy.fromConfig(" ")).contains(UnknownProfessionalPolicy.REFUSE);
    }

    @Test
    void readsBothValuesWhateverTheirCase() {
        assertThat(UnknownProfessionalPolicy.fromConfig("refuse")).contains(UnknownProfessionalPolicy.REFUSE);
        assertThat(UnknownProfessionalPolicy.fromConfig(" Just-In-Time ")).contains(UnknownProfessionalPolicy.JUST_IN_TIME);
    }

    @Test
    void anythingElseIsUnknown() {
        assertThat(UnknownProfessionalPolicy.fromConfig("create")).isEmpty();
        assertThat(UnknownProfessionalPolicy.fromConfig("jit")).isEmpty();
    }
}
