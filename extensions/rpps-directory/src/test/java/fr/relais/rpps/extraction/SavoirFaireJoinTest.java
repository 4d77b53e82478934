package fr.relais.rpps.extraction;

import static fr.relais.rpps.extraction.Fixtures.HEADER_56;
import static fr.relais.rpps.extraction.Fixtures.SAVOIR_FAIRE_HEADER;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavoirFaireJoinTest {

    private static final SavoirFaire GENERAL_PRACTICE =
            new SavoirFaire(new Coded("S", "Spécialité ordinale"), new Coded("SM54", "Médecine générale"));
    private static final SavoirFaire GERIATRICS =
            new SavoirFaire(new Coded("CAPA", "Capacité"), new Coded("CAPA02", "Gérontologie"));

    @TempDir
    Path dir;

    @Test
    void addsTheSavoirFaireFileToTheRowsAndCountsTheUnmatched() throws Exception {
        Path activities = Fixtures.write(dir, "PS_LibreAcces_Personne_activite_202411280000.txt", UTF_8, "\n",
                HEADER_56,
                doctor("10100000001").set("Code type savoir-faire", "S")
                        .set("Libellé type savoir-faire", "Spécialité ordinale").set("Code savoir-faire", "SM54")
                        .set("Libellé savoir-faire", "Médecine générale").build(),
                doctor("10100000002").build());
        Path savoirFaire = Fixtures.write(dir, "PS_LibreAcces_SavoirFaire_202411280000.txt", UTF_8, "\n",
                SAVOIR_FAIRE_HEADER,
                sf("10100000001", "S|Spécialité ordinale|SM54|Médecine générale"),
                sf("10100000001", "CAPA|Capacité|CAPA02|Gérontologie"),
                sf("10100000002", "CAPA|Capacité|CAPA02|Gérontologie"),
                sf("10100000099", "S|Spécialité ordinale|SM54|Médecine générale"),
                sf("10100000003", "|||"));

        Fixtures.Collected read = Fixtures.read(activities, savoirFaire);

        assertThat(read.get("810100000001").savoirFaire()).containsExactly(GENERAL_PRACTICE, GERIATRICS);
        assertThat(read.get("810100000002").savoirFaire()).containsExactly(GERIATRICS);
        assertThat(read.report.savoirFaireRows()).isEqualTo(4);
        assertThat(read.report.savoirFaireWithoutProfessional()).isEqualTo(1);
        assertThat(read.file(ExtractionFileKind.SAVOIR_FAIRE).badLineSamples()).singleElement()
                .satisfies(bad -> {
                    assertThat(bad.lineNumber()).isEqualTo(6);
                    assertThat(bad.reason()).isEqualTo(BadLineReason.MISSING_VALUE);
                });
    }

    @Test
    void takesTheSavoirFaireFromItsOwnFileOnceTheyLeavePersonneActivite() throws Exception {
        String header = HEADER_56.replace("Code type savoir-faire|Libellé type savoir-faire|"
                + "Code savoir-faire|Libellé savoir-faire|", "");
        Path activities = Fixtures.write(dir, "ps-libreacces-personne-activite.txt", UTF_8, "\n", header,
                Fixtures.line(header).set("Type d'identifiant PP", "8").set("Identifiant PP", "10100000001")
                        .set("Identification nationale PP", "810100000001").set("Nom d'exercice", "ROUX")
                        .set("Prénom d'exercice", "PAUL").set("Code profession", "10").build());
        Path savoirFaire = Fixtures.write(dir, "ps-libreacces-savoirfaire.txt", UTF_8, "\n", SAVOIR_FAIRE_HEADER,
                sf("10100000001", "S|Spécialité ordinale|SM54|Médecine générale"));

        Fixtures.Collected read = Fixtures.read(savoirFaire, activities);

        assertThat(read.file(ExtractionFileKind.PERSONNE_ACTIVITE).columns()).isEqualTo(52);
        assertThat(read.get("810100000001").savoirFaire()).containsExactly(GENERAL_PRACTICE);
    }

    private static Fixtures.LineBuilder doctor(String rpps) {
        return Fixtures.nurse(rpps).set("Code profession", "10").set("Libellé profession", "Médecin");
    }

    private static String sf(String rpps, String savoirFaire) {
        return "8|" + rpps + "|8" + rpps + "|NOM|PRÉNOM|10|Médecin|C|Civil|" + savoirFaire + "|";
    }
}
