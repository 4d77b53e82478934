package fr.relais.continuity.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class OutageLoginsTest {

    @Test
    void loginsAreCountedByMeansUserAndGrace() {
        OutageLogins tally = new OutageLogins();
        tally.add("cps-card", "u1", false);
        tally.add("password,otp", "u2", false);
        tally.add("cps-card", "u1", false);
        tally.add(null, "u3", true);
        assertThat(tally.logins()).isEqualTo(4);
        assertThat(tally.distinctUsers()).isEqualTo(3);
        assertThat(tally.graceUsed()).isEqualTo(1);
        assertThat(tally.byMeans()).isEqualTo(Map.of("cps-card", 2, "password,otp", 1, "unknown", 1));
    }

    @Test
    void anEmptyOutageHasNothing() {
        OutageLogins tally = new OutageLogins();
        assertThat(tally.logins()).isZero();
        assertThat(tally.byMeans()).isEmpty();
    }
}
