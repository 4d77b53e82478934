package fr.relais.psc.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class SubjectRoleMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void codesOfTheRealUserinfoSample() throws Exception {
        // As in PSC's sandbox userinfo: an array of code^OID values.
        assertThat(SubjectRoleMapping.codes(JSON.readTree("[\"10^1.2.250.1.213.1.1.5.5\"]"))).containsExactly("10");
        assertThat(SubjectRoleMapping.codes(JSON.readTree("[\"10^1.2.250.1.213.1.1.5.5\",\" 60^1.2.250.1.213.1.1.5.5\"]")))
                .containsExactly("10", "60");
    }

    @Test
    void singleValueAndBareCodeAreRead() throws Exception {
        assertThat(SubjectRoleMapping.codes(JSON.readTree("\"21^1.2.250.1.213.1.1.5.5\""))).containsExactly("21");
        assertThat(SubjectRoleMapping.codes(JSON.readTree("[\"40\"]"))).containsExactly("40");
    }

    @Test
    void absentOrMalformedClaimMeansNoCode() throws Exception {
        assertThat(SubjectRoleMapping.codes(null)).isEmpty();
        assertThat(SubjectRoleMapping.codes(JSON.readTree("{\"code\":\"10\"}"))).isEmpty();
        assertThat(SubjectRoleMapping.codes(JSON.readTree("[10, \"\", \"^1.2.250\", null]"))).isEmpty();
    }

    @Test
    void tableIsKeyedByCodeWithOrWithoutOid() {
        SubjectRoleMapping mapping = SubjectRoleMapping.of(Map.of(
                "10", List.of("medecin"),
                "10^1.2.250.1.213.1.1.5.5", List.of("dui.prescripteur"),
                "60", List.of("infirmier", " "),
                " ", List.of("nobody")));
        assertThat(mapping.rolesFor(List.of("10"))).containsExactlyInAnyOrder("medecin", "dui.prescripteur");
        assertThat(mapping.rolesFor(List.of("60", "99"))).containsExactly("infirmier");
        assertThat(mapping.rolesFor(List.of("99"))).isEmpty();
        assertThat(mapping.allRoles()).containsExactlyInAnyOrder("medecin", "dui.prescripteur", "infirmier");
    }
}
