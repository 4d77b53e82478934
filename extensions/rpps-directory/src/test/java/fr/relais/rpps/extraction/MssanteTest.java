package fr.relais.rpps.extraction;

import static fr.relais.rpps.extraction.Fixtures.HEADER_56;
import static fr.relais.rpps.extraction.Fixtures.MSSANTE_HEADER;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MssanteTest {

    @TempDir
    Path dir;

    @Test
    void readsPersonalAndOrganisationalMailboxes() throws Exception {
        Path zip = Fixtures.zip(dir, "Extraction_Correspondance_MSSante_202608010200.zip", Map.of(
                "Extraction_Correspondance_MSSante_202608010200.txt", Fixtures.encode(UTF_8, "\n", MSSANTE_HEADER,
                        Fixtures.line(MSSANTE_HEADER).set("Type de BAL", "PER")
                                .set("Adresse BAL", "helene.lefevre@ehpad-cedres.mssante.fr")
                                .set("Type Identifiant PP", "8").set("Identifiant PP", "10100000001")
                                .set("Identification nationale PP", "810100000001")
                                .set("Type identifiant structure", "1").set("Identification Structure", "690012345")
                                .set("Service de rattachement", "Soins").set("Civilité d'exercice", "MME")
                                .set("Nom d'exercice", "LEFÈVRE").set("Prénom d'exercice", "HÉLÈNE")
                                .set("Catégorie profession", "C").set("Libellé de catégorie profession", "Civil")
                                .set("Code Profession", "60").set("Libellé Profession", "Infirmier")
                                .set("Dématérialisation", "O")
                                .set("Raison Sociale structure BAL", "EHPAD LES CÈDRES")
                                .set("L6LIGNEACHEMINEMENT", "69003 LYON").set("Code postal", "69003")
                                .set("Département", "").set("Pays", "FRANCE").build(),
                        Fixtures.line(MSSANTE_HEADER).set("Type de BAL", "ORG")
                                .set("Adresse BAL", "secretariat@ch-ajaccio.mssante.fr")
                                .set("Type identifiant structure", "1").set("Identification Structure", "2A0000010")
                                .set("Code postal", "20090").set("Département", "2A").build(),
                        Fixtures.line(MSSANTE_HEADER).set("Type de BAL", "PER").set("Adresse BAL", "pas-une-adresse")
                                .set("Identification nationale PP", "810100000002").build(),
                        Fixtures.line(MSSANTE_HEADER).set("Type de BAL", "PER").set("Adresse BAL", "x@y.mssante.fr")
                                .set("Identification nationale PP", "8 101").build())));

        Fixtures.Collected read = Fixtures.read(zip);

        assertThat(read.professionals).isEmpty();
        assertThat(read.mailboxes).containsExactly(
                new MssanteAddress("PER", "helene.lefevre@ehpad-cedres.mssante.fr", "810100000001", "1", "690012345",
                        "Soins", "MME", "LEFÈVRE", "HÉLÈNE", new Coded("60", "Infirmier"), new Coded("C", "Civil"),
                        null, "O", "EHPAD LES CÈDRES", null, "69003", "69", "FRANCE"),
                new MssanteAddress("ORG", "secretariat@ch-ajaccio.mssante.fr", null, "1", "2A0000010", null, null,
                        null, null, null, null, null, null, null, null, "20090", "2A", null));
        assertThat(read.report.mssanteAddresses()).isEqualTo(2);
        assertThat(read.file(ExtractionFileKind.MSSANTE).badLineCounts()).isEqualTo(Map.of(
                BadLineReason.MISSING_VALUE, 1L, BadLineReason.INVALID_IDENTIFIER, 1L));
    }

    @Test
    void readsMailboxesAfterTheProfessionals() throws Exception {
        Path activities = Fixtures.write(dir, "PS_LibreAcces_Personne_activite_202411280000.txt", UTF_8, "\n",
                HEADER_56, Fixtures.nurse("10100000001").build());
        Path mailboxes = Fixtures.write(dir, "Extraction_Correspondance_MSSante_202411280200.txt", UTF_8, "\n",
                MSSANTE_HEADER, Fixtures.line(MSSANTE_HEADER).set("Type de BAL", "PER")
                        .set("Adresse BAL", "h.lefevre@ehpad.mssante.fr")
                        .set("Identification nationale PP", "810100000001").build());

        Fixtures.Collected read = Fixtures.read(mailboxes, activities);

        assertThat(read.professionals).containsOnlyKeys("810100000001");
        assertThat(read.mailboxes).extracting(MssanteAddress::idNat).containsExactly("810100000001");
        assertThat(read.report.files()).extracting(FileReport::kind)
                .containsExactly(ExtractionFileKind.PERSONNE_ACTIVITE, ExtractionFileKind.MSSANTE);
    }
}
