package fr.relais.continuity.breakglass;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class EmergencyCodeTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void codesAreSixteenUnambiguousCharactersInGroupsOfFour() {
        String code = EmergencyCode.generate(random);
        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
        assertThat(EmergencyCode.normalize(code)).hasSize(EmergencyCode.LENGTH);
    }

    @Test
    void codesDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(EmergencyCode.generate(random))).isTrue();
        }
    }

    @Test
    void whatPeopleTypeStillMatches() {
        String salt = EmergencyCode.newSalt(random);
        String hash = EmergencyCode.hash("AB0C-1DEF-GH1J-KMNP", salt);
        assertThat(EmergencyCode.matches("AB0C-1DEF-GH1J-KMNP", salt, hash)).isTrue();
        assertThat(EmergencyCode.matches("ab0c 1def gh1j kmnp", salt, hash)).as("case and spaces").isTrue();
        assertThat(EmergencyCode.matches("ABOC1DEFGHIJKMNP", salt, hash)).as("O for 0, I for 1, no dashes").isTrue();
        assertThat(EmergencyCode.matches("ABOC1DEFGHLJKMNP", salt, hash)).as("L for 1").isTrue();
    }

    @Test
    void anyOtherCodeDoesNot() {
        String salt = EmergencyCode.newSalt(random);
        String hash = EmergencyCode.hash("AB0C-1DEF-GH1J-KMNP", salt);
        assertThat(EmergencyCode.matches("AB0C-1DEF-GH1J-KMNQ", salt, hash)).isFalse();
        assertThat(EmergencyCode.matches("", salt, hash)).isFalse();
        assertThat(EmergencyCode.matches(null, salt, hash)).isFalse();
        assertThat(EmergencyCode.matches("AB0C-1DEF-GH1J-KMNP", EmergencyCode.newSalt(random), hash)).as("other salt").isFalse();
    }

    @Test
    void theHashDoesNotContainTheCode() {
        String salt = EmergencyCode.newSalt(random);
        String hash = EmergencyCode.hash("AB0C-1DEF-GH1J-KMNP", salt);
        assertThat(hash).hasSize(64).doesNotContain("AB0C");
    }
}
