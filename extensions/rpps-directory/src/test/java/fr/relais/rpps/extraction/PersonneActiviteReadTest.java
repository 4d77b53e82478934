package fr.relais.rpps.extraction;

import static fr.relais.rpps.extraction.Fixtures.HEADER_56;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonneActiviteReadTest {

    @TempDir
    Path dir;

    @Test
    void mapsThePublishedSampleLineOfThe52ColumnLayout() throws Exception {
        Fixtures.Collected read = Fixtures.read(Fixtures.resource(Fixtures.SAMPLE_52));

        Professional audio = read.get("0012600631");
        assertThat(audio.identifierType()).isEqualTo(IdentifierType.ADELI);
        assertThat(audio.identifier()).isEqualTo("012600631");
        assertThat(audio.adeliNumber()).isEqualTo("012600631");
        assertThat(audio.rppsNumber()).isNull();
        assertThat(audio.civility()).isEqualTo(new Coded("M", "Monsieur"));
        assertThat(audio.practiceCivility()).isNull();
        assertThat(audio.lastName()).isEqualTo("PETITGUYOT");
        assertThat(audio.firstName()).isEqualTo("ALEXANDRE");
        assertThat(audio.profession()).isEqualTo(new Coded("26", "Audioprothésiste"));
        assertThat(audio.category()).isEqualTo(new Coded("C", "Civil"));
        assertThat(audio.savoirFaire()).isEmpty();
        assertThat(audio.activities()).singleElement().satisfies(activity -> {
            assertThat(activity.professionCode()).isEqualTo("26");
            assertThat(activity.mode()).isEqualTo(new Coded("S", "Salarié"));
            assertThat(activity.siret()).isEqualTo("49940088500020");
            assertThat(activity.siren()).isNull();
            assertThat(activity.finessSite()).isNull();
            assertThat(activity.structureTechnicalId()).isEqualTo("C49940088500020");
            assertThat(activity.structureIdNat()).isEqualTo("349940088500020");
            assertThat(activity.legalName()).isEqualTo("DOUBS OPTIC");
            assertThat(activity.tradeName()).isNull();
            assertThat(activity.registrationAuthority()).isEqualTo("ARS/Variable/Variable");
            assertThat(activity.sector()).isEqualTo(new Coded("SA42", "Appareillage médical"));
            assertThat(activity.pharmacistSection()).isNull();
            assertThat(activity.role()).isNull();
            assertThat(activity.activityKind()).isNull();
            Address address = activity.address();
            assertThat(address.recipientComplement()).isEqualTo("DOUBS OPTIC");
            assertThat(address.streetNumber()).isEqualTo("9");
            assertThat(address.streetType()).isEqualTo(new Coded("RTE", "Route"));
            assertThat(address.streetName()).isEqualTo("DE BESANCON");
            assertThat(address.cedexOffice()).isEqualTo("25300 DOUBS");
            assertThat(address.postalCode()).isEqualTo("25300");
            assertThat(address.departement()).isEqualTo("25");
            assertThat(address.commune()).isNull();
        });
    }

    @Test
    void foldsTheRowsOfOneProfessionalRepeatedPerSavoirFaireAndActivity() throws Exception {
        Fixtures.Collected read = Fixtures.read(Fixtures.resource(Fixtures.SAMPLE_52));

        Professional doctor = read.get("810001045367");
        assertThat(doctor.rppsNumber()).isEqualTo("10001045367");
        assertThat(doctor.practiceCivility()).isEqualTo(new Coded("DR", "Docteur"));
        assertThat(doctor.savoirFaire()).containsExactly(
                new SavoirFaire(new Coded("S", "Spécialité ordinale"),
                        new Coded("SM49", "Santé publique et médecine sociale")),
                new SavoirFaire(new Coded("CAPA", "Capacité"), new Coded("CAPA07", "Médecine d'urgence")));
        assertThat(doctor.activities()).extracting(Activity::structureTechnicalId)
                .containsExactly("R10100000328372", "F2A0000010");
        Activity hospital = doctor.activities().get(1);
        assertThat(hospital.finessSite()).isEqualTo("2A0000010");
        assertThat(hospital.finessLegalEntity()).isEqualTo("2A0000002");
        assertThat(hospital.address().departement()).isEqualTo("2A");
        assertThat(hospital.address().commune()).isEqualTo(new Coded("2A004", "Ajaccio"));
        assertThat(hospital.address().phone()).isEqualTo("0495295090");

        assertThat(read.report.professionals()).isEqualTo(2);
        assertThat(read.report.activities()).isEqualTo(3);
        FileReport file = read.file(ExtractionFileKind.PERSONNE_ACTIVITE);
        assertThat(file.columns()).isEqualTo(52);
        assertThat(file.charset()).isEqualTo("UTF-8");
        assertThat(file.lines()).isEqualTo(6);
        assertThat(file.acceptedRows()).isEqualTo(5);
        assertThat(file.badLines()).isZero();
        assertThat(file.extractedAt()).isEqualTo(LocalDateTime.of(2024, 11, 28, 0, 0));
        assertThat(file.unmappedColumns()).containsExactly("Libellé Département (structure)");
    }

    @Test
    void mapsThe56ColumnLayoutWithItsRespelledAndAddedColumns() throws Exception {
        Path file = Fixtures.write(dir, "PS_LibreAcces_Personne_activite_202501020304.txt", UTF_8, "\n",
                HEADER_56,
                Fixtures.nurse("10100000001")
                        .set("Code civilité d'exercice", "PR").set("Libellé civilité exercice", "Professeur")
                        .set("Indice répétition voie (coord. Structure)", "B")
                        .set("Code section tableau pharmaciens", "G").set("Libellé section tableau pharmaciens", "X")
                        .build());

        Fixtures.Collected read = Fixtures.read(file);

        Professional nurse = read.get("810100000001");
        assertThat(nurse.practiceCivility()).isEqualTo(new Coded("PR", "Professeur"));
        assertThat(nurse.civility()).isEqualTo(new Coded("MME", "Madame"));
        assertThat(nurse.lastName()).isEqualTo("LEFÈVRE");
        assertThat(nurse.firstName()).isEqualTo("HÉLÈNE");
        assertThat(nurse.profession()).isEqualTo(new Coded("60", "Infirmier"));
        Activity activity = nurse.activities().get(0);
        assertThat(activity.role()).isEqualTo(new Coded("FON-01", "Infirmier coordinateur"));
        assertThat(activity.activityKind()).isEqualTo(new Coded("GENR01", "Activité standard"));
        assertThat(activity.pharmacistSection()).isEqualTo(new Coded("G", "X"));
        assertThat(activity.sector()).isEqualTo(new Coded("SA17", "Etablissement pour personnes âgées"));
        assertThat(activity.finessSite()).isEqualTo("690012345");
        assertThat(activity.legalName()).isEqualTo("EHPAD LES CÈDRES");
        assertThat(activity.address().repetitionIndex()).isEqualTo("B");
        assertThat(activity.address().streetName()).isEqualTo("DE LA RÉPUBLIQUE");
        assertThat(activity.address().departement()).isEqualTo("69");
        assertThat(read.file(ExtractionFileKind.PERSONNE_ACTIVITE).columns()).isEqualTo(56);
        assertThat(read.file(ExtractionFileKind.PERSONNE_ACTIVITE).unmappedColumns())
                .containsExactly("Libellé département (coord. structure)");
    }

    @Test
    void findsColumnsByNameWhateverTheirOrder() throws Exception {
        List<String> names = new ArrayList<>(List.of(HEADER_56.split("\\|")));
        Collections.reverse(names);
        String reversedHeader = String.join("|", names) + "|";
        Fixtures.LineBuilder reference = Fixtures.nurse("10100000002");
        Fixtures.LineBuilder reversed = Fixtures.line(reversedHeader);
        List<String> values = List.of(reference.build().split("\\|", -1));
        List<String> originalNames = List.of(HEADER_56.split("\\|"));
        for (int i = 0; i < originalNames.size(); i++) {
            reversed.set(originalNames.get(i), values.get(i));
        }
        Path file = Fixtures.write(dir, "ps-libreacces-personne-activite.txt", UTF_8, "\n",
                reversedHeader, reversed.build());

        Professional nurse = Fixtures.read(file).get("810100000002");

        assertThat(nurse.lastName()).isEqualTo("LEFÈVRE");
        assertThat(nurse.activities().get(0).finessLegalEntity()).isEqualTo("690000001");
        assertThat(nurse.activities().get(0).address().commune())
                .isEqualTo(new Coded("69383", "Lyon 3e Arrondissement"));
    }

    @Test
    void keepsAProfessionalWithoutActivityAndTheProfessionOfEachActivity() throws Exception {
        Path file = Fixtures.write(dir, "PS_LibreAcces_Personne_activite_202501020304.txt", UTF_8, "\n",
                HEADER_56,
                Fixtures.line(HEADER_56).set("Type d'identifiant PP", "8").set("Identifiant PP", "10100000003")
                        .set("Identification nationale PP", "810100000003").set("Nom d'exercice", "MARTIN")
                        .set("Prénom d'exercice", "JULIE").set("Code profession", "50").build(),
                Fixtures.nurse("10100000004").build(),
                Fixtures.nurse("10100000004").set("Code profession", "50").set("Libellé profession", "Sage-Femme")
                        .set("Numéro FINESS site", "690099999").build());

        Fixtures.Collected read = Fixtures.read(file);

        assertThat(read.get("810100000003").activities()).isEmpty();
        Professional twoProfessions = read.get("810100000004");
        assertThat(twoProfessions.profession()).isEqualTo(new Coded("60", "Infirmier"));
        assertThat(twoProfessions.activities()).extracting(Activity::professionCode, Activity::finessSite)
                .containsExactly(
                        tuple("60", "690012345"),
                        tuple("50", "690099999"));
    }

    @Test
    void keepsEachActivityOnceInFileOrderHoweverManyTheProfessionalHas() throws Exception {
        // 40 sites, each line repeated for three savoir-faire: past the assembler's linear comparison limit.
        List<String> lines = new ArrayList<>();
        lines.add(HEADER_56);
        for (int site = 0; site < 40; site++) {
            for (String skill : List.of("SM01", "SM02", "SM03")) {
                lines.add(Fixtures.nurse("10100000005").set("Numéro FINESS site", String.format("6900%05d", site))
                        .set("Code savoir-faire", skill).build());
            }
        }
        Path file = Fixtures.write(dir, "PS_LibreAcces_Personne_activite_202501020304.txt", UTF_8, "\n",
                lines.toArray(String[]::new));

        Professional nurse = Fixtures.read(file).get("810100000005");

        assertThat(nurse.activities()).extracting(Activity::finessSite).containsExactlyElementsOf(
                IntStream.range(0, 40).mapToObj(site -> String.format("6900%05d", site)).toList());
        assertThat(nurse.savoirFaire()).extracting(entry -> entry.skill().code())
                .containsExactly("SM01", "SM02", "SM03");
    }

    @Test
    void refusesAHeaderWithoutARequiredColumn() {
        String header = HEADER_56.replace("Identification nationale PP|", "Identifiant national|");
        Path file = Fixtures.write(dir, "PS_LibreAcces_Personne_activite_202501020304.txt", UTF_8, "\n", header);

        assertThatThrownBy(() -> Fixtures.read(file))
                .isInstanceOfSatisfying(ExtractionException.class,
                        e -> assertThat(e.kind()).isEqualTo(ExtractionException.Kind.MISSING_COLUMNS))
                .hasMessageContaining("[Identification nationale PP]")
                .hasMessageContaining("PS_LibreAcces_Personne_activite_202501020304.txt");
    }
}
