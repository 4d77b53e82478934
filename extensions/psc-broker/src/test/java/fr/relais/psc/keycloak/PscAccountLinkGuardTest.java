package fr.relais.psc.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class PscAccountLinkGuardTest {

    private static final String ID_NAT = "810001045367";

    @Test
    void theAccountTheDirectoryHoldsForTheIdNatPsMayLinkIt() {
        assertThat(PscAccountLinkGuard.verdict("claire", Optional.of("claire"), ID_NAT, true)).isEmpty();
    }

    @Test
    void anotherAccountIsRefused() {
        Optional<PscLoginException> refusal = PscAccountLinkGuard.verdict("paul", Optional.of("claire"), ID_NAT, true);
        assertThat(refusal).isPresent();
        assertThat(refusal.get().failure()).isEqualTo(PscFailure.LINK_REFUSED);
        assertThat(refusal.get().failure().eventError).isEqualTo("relais_psc_link_refused");
        assertThat(refusal.get().details()).containsEntry(PscEventDetails.ID_NAT_PS, ID_NAT);
    }

    @Test
    void anIdNatPsNoAccountCarriesIsRefused() {
        assertThat(PscAccountLinkGuard.verdict("paul", Optional.empty(), ID_NAT, true)).isPresent();
    }

    @Test
    void withoutDirectoryOrSignedInUserNothingIsLinked() {
        assertThat(PscAccountLinkGuard.verdict("claire", Optional.of("claire"), ID_NAT, false)).isPresent();
        assertThat(PscAccountLinkGuard.verdict(null, Optional.of("claire"), ID_NAT, true)).isPresent();
    }

    @Test
    void onlyRequestsKeycloakMarkedAsLinkingAreConcerned() {
        assertThat(PscAccountLinkGuard.isLinking(null)).isFalse();
    }
}
