package fr.relais.psc.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class PracticeSelectorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Shaped like the real sandbox sample: empty strings for absent fields, a surgery and an EHPAD. */
    private static final String USERINFO = """
            {"sub": "f:x:899700100029", "SubjectNameID": "899700100029",
             "SubjectRefPro": {"codeCivilite": "M", "exercices": [
               {"codeProfession": "10", "codeCategorieProfessionnelle": "C", "nomDexercice": "DURAND",
                "prenomDexercice": "Paul", "codeSavoirFaire": "SM54", "activities": [
                  {"codeModeExercice": "L", "codeSecteurDactivite": "SA07", "numeroFinessSite": "",
                   "numeroFinessetablissementJuridique": "", "identifiantTechniqueDeLaStructure": "R10000000100029",
                   "raisonSocialeSite": "CABINET DU DR DURAND", "codePostal": "75011"},
                  {"codeModeExercice": "S", "codeSecteurDactivite": "SA17", "numeroFinessSite": "750000001",
                   "numeroFinessetablissementJuridique": "750000019", "identifiantTechniqueDeLaStructure": "F750000001",
                   "raisonSocialeSite": "EHPAD DE DEMONSTRATION RELAIS", "codePostal": 75012}]}]}}
            """;

    @Test
    void parsesEveryExerciceAndActivityKeepingAllFields() throws Exception {
        SubjectRefPro refPro = SubjectRefProParser.fromUserInfo(JSON.readTree(USERINFO));
        assertThat(refPro.codeCivilite()).isEqualTo("M");
        assertThat(refPro.exercices()).hasSize(1);
        Exercice exercice = refPro.exercices().get(0);
        assertThat(exercice.codeProfession()).isEqualTo("10");
        assertThat(exercice.get("codeSavoirFaire")).isEqualTo("SM54");
        assertThat(refPro.practices()).hasSize(2);
        assertThat(refPro.practices().get(1).activity().get("codePostal")).as("numbers kept as text").isEqualTo("75012");
    }

    @Test
    void picksTheActivityAtTheOrganisationsSite() throws Exception {
        SubjectRefPro refPro = SubjectRefProParser.fromUserInfo(JSON.readTree(USERINFO));
        Practice practice = new PracticeSelector(List.of("750000001")).select(refPro).orElseThrow();
        assertThat(practice.activity().raisonSocialeSite()).isEqualTo("EHPAD DE DEMONSTRATION RELAIS");
        assertThat(practice.activity().codeSecteurDactivite()).isEqualTo("SA17");
        assertThat(practice.exercice().codeProfession()).isEqualTo("10");
    }

    @Test
    void aLegalEntityFinessMatchesWhenNoSiteDoes() throws Exception {
        SubjectRefPro refPro = SubjectRefProParser.fromUserInfo(JSON.readTree(USERINFO));
        assertThat(new PracticeSelector(List.of(" 750000019 ", "")).select(refPro)).isPresent();
    }

    @Test
    void noPracticeElsewhere() throws Exception {
        SubjectRefPro refPro = SubjectRefProParser.fromUserInfo(JSON.readTree(USERINFO));
        assertThat(new PracticeSelector(List.of("130000001")).select(refPro)).isEmpty();
        assertThat(new PracticeSelector(List.of()).isConfigured()).isFalse();
    }

    @Test
    void malformedOrStringEncodedClaimsAreTolerated() throws Exception {
        assertThat(SubjectRefProParser.fromUserInfo(JSON.readTree("{\"SubjectRefPro\": 3}")).exercices()).isEmpty();
        assertThat(SubjectRefProParser.fromUserInfo(JSON.readTree("{}")).exercices()).isEmpty();
        JsonNode asString = JSON.createObjectNode().put("SubjectRefPro",
                JSON.readTree(USERINFO).get("SubjectRefPro").toString());
        assertThat(SubjectRefProParser.fromUserInfo(asString).practices()).hasSize(2);
        assertThat(SubjectRefProParser.fromUserInfo(JSON.createObjectNode().put("SubjectRefPro", "{not json")).exercices())
                .isEmpty();
    }
}
