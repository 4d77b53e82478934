package fr.relais.continuity.breakglass;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RoleAllowanceTest {

    @Test
    void keepsOnlyTheNamedRoles() {
        RoleAllowance allowance = RoleAllowance.parse("soignant dui/lecture");
        assertThat(allowance.keepRealmRoles(List.of("soignant", "admin", "offline_access"))).containsExactly("soignant");
        assertThat(allowance.keepClientRoles("dui", List.of("lecture", "prescription"))).containsExactly("lecture");
        assertThat(allowance.keepClientRoles("viatrajectoire", List.of("lecture"))).isEmpty();
    }

    @Test
    void noRolesByDefault() {
        RoleAllowance none = RoleAllowance.parse("");
        assertThat(none.keepRealmRoles(List.of("soignant"))).isEmpty();
        assertThat(RoleAllowance.parse(null).allowed()).isEmpty();
    }

    @Test
    void storedFormRoundTrips() {
        RoleAllowance allowance = RoleAllowance.parse(" dui/lecture, soignant ");
        assertThat(allowance.format()).isEqualTo("dui/lecture soignant");
        assertThat(RoleAllowance.parse(allowance.format())).isEqualTo(allowance);
    }
}
