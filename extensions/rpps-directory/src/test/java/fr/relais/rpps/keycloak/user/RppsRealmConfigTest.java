package fr.relais.rpps.keycloak.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.component.ComponentModel;
import org.keycloak.provider.ProviderConfigProperty;

class RppsRealmConfigTest {

    @Test
    void defaultsWhenNothingIsSet() {
        RppsRealmConfig config = new RppsRealmConfig(new ComponentModel());

        assertThat(config.visitingProfessionals()).isFalse();
        assertThat(config.organisationFiness()).isEmpty();
        assertThat(config.visitingGroup()).isNull();
        assertThat(config.verificationPeriodDays()).isEqualTo(1095);
    }

    @Test
    void readsTheAdministratorsSettings() {
        ComponentModel model = new ComponentModel();
        model.put(RppsRealmConfig.VISITING_PROFESSIONALS, "true");
        model.getConfig().put(RppsRealmConfig.ORGANISATION_FINESS, List.of(" 690012345", "2a0001234", ""));
        model.put(RppsRealmConfig.VISITING_GROUP, " /Professionnels extérieurs ");
        model.put(RppsRealmConfig.VERIFICATION_PERIOD_DAYS, "365");

        RppsRealmConfig config = new RppsRealmConfig(model);

        assertThat(config.visitingProfessionals()).isTrue();
        assertThat(config.organisationFiness()).containsExactlyInAnyOrder("690012345", "2A0001234");
        assertThat(config.visitingGroup()).isEqualTo("/Professionnels extérieurs");
        assertThat(config.verificationPeriodDays()).isEqualTo(365);
    }

    @Test
    void aValueFromTheEnvironmentMayListSeveralFiness() {
        ComponentModel model = new ComponentModel();
        model.getConfig().put(RppsRealmConfig.ORGANISATION_FINESS, List.of("750000001, 690012345,", "2a0001234"));

        assertThat(new RppsRealmConfig(model).organisationFiness())
                .containsExactlyInAnyOrder("750000001", "690012345", "2A0001234");
    }

    @Test
    void everySettingHasFrenchHelpFirst() {
        assertThat(RppsRealmConfig.PROPERTIES).extracting(ProviderConfigProperty::getName).containsExactly(
                RppsRealmConfig.VISITING_PROFESSIONALS, RppsRealmConfig.ORGANISATION_FINESS,
                RppsRealmConfig.VISITING_GROUP, RppsRealmConfig.VERIFICATION_PERIOD_DAYS);
        assertThat(RppsRealmConfig.PROPERTIES).allSatisfy(p -> assertThat(p.getHelpText()).contains(" / "));
    }
}
