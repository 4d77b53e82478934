package fr.relais.rpps.importer;

import static fr.relais.rpps.testing.ExtractionFiles.adeli;
import static fr.relais.rpps.testing.ExtractionFiles.personneActivite;
import static fr.relais.rpps.testing.ExtractionFiles.rpps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.relais.rpps.store.JdbcTransactions;
import fr.relais.rpps.store.RppsTables;
import fr.relais.rpps.testing.ExtractionFiles;
import fr.relais.rpps.testing.KeycloakUserTables;
import fr.relais.rpps.testing.TestDatabase;

/**
 * The import against a real database: the same tests run on H2 and on PostgreSQL (subclasses), since
 * the SQL must hold on both.
 */
abstract class ImportJobContract {

    @TempDir
    Path files;

    TestDatabase database;

    abstract TestDatabase.Kind kind();

    @BeforeEach
    void freshDatabase() {
        database = TestDatabase.create(kind());
        KeycloakUserTables.create(database);
    }

    @Test
    void firstImportFillsTheDirectory() throws Exception {
        Path file = personneActivite()
                .add(rpps("10001045367", "GUIGNARD", "ÉRIC", "10", "Médecin").doctor()
                        .savoirFaire("S", "Spécialité ordinale", "SM54", "Médecine générale")
                        .savoirFaire("S", "Spécialité ordinale", "SM18", "Gériatrie")
                        .at("690012345", "690000001", "EHPAD LES CÈDRES", "69003", "SA17")
                        .cabinet("CABINET GUIGNARD", "69006"))
                .add(rpps("10000000002", "LEFÈVRE", "HÉLÈNE", "60", "Infirmier")
                        .at("690012345", "690000001", "EHPAD LES CÈDRES", "69003", "SA17"))
                .add(adeli("2A6000012", "SANTONI", "MARIE", "91", "Orthophoniste").cabinet("CABINET SANTONI", "20000"))
                .write(files, "202611280000");

        ImportRun run = job().run(request(file, false));

        assertThat(run.status()).as(run.message()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(run.newCount()).isEqualTo(3);
        assertThat(run.changedCount()).isZero();
        assertThat(run.goneCount()).isZero();
        assertThat(run.professionals()).isEqualTo(3);
        assertThat(run.activities()).isEqualTo(4);
        assertThat(run.fileName()).isEqualTo("PS_LibreAcces_Personne_activite_202611280000.txt");
        assertThat(run.fileDate()).isNotNull();
        assertThat(run.report()).contains(kind() == TestDatabase.Kind.POSTGRESQL ? "PostgreSQL COPY" : "batched INSERT");

        Map<String, Object> guignard = row("SELECT * FROM RELAIS_RPPS_PROFESSIONAL WHERE ID_NAT = '810001045367'");
        assertThat(guignard).containsEntry("IDENTIFIER_TYPE", "8").containsEntry("IDENTIFIER", "10001045367")
                .containsEntry("LAST_NAME", "GUIGNARD").containsEntry("FIRST_NAME", "ÉRIC")
                .containsEntry("SEARCH_NAME", "GUIGNARD ERIC").containsEntry("PROFESSION_CODE", "10")
                .containsEntry("PRACTICE_CIVILITY_CODE", "DR")
                .containsEntry("SAVOIR_FAIRE", "S|Spécialité ordinale|SM54|Médecine générale\n"
                        + "S|Spécialité ordinale|SM18|Gériatrie");
        assertThat(rows("SELECT FINESS_SITE, DEPARTEMENT, ADDRESS_LINE, MODE_CODE FROM RELAIS_RPPS_ACTIVITY "
                + "WHERE ID_NAT = '810001045367' ORDER BY ACTIVITY_NO"))
                .extracting(r -> r.get("FINESS_SITE") + "/" + r.get("DEPARTEMENT") + "/" + r.get("MODE_CODE"))
                .containsExactly("690012345/69/S", "null/69/L");
        assertThat(row("SELECT ADDRESS_LINE FROM RELAIS_RPPS_ACTIVITY WHERE ID_NAT = '810000000002'"))
                .containsEntry("ADDRESS_LINE", "12 Rue DE LA RÉPUBLIQUE");
        assertThat(row("SELECT DEPARTEMENT FROM RELAIS_RPPS_ACTIVITY WHERE ID_NAT = '02A6000012'"))
                .containsEntry("DEPARTEMENT", "2A");
        assertThat(count("SELECT COUNT(*) FROM RELAIS_RPPS_ACTIVITY WHERE FINESS_SITE = '690012345'")).isEqualTo(2);
        assertWorkTablesEmptyAndUnlocked();
    }

    @Test
    void reimportAppliesOnlyTheDifference() throws Exception {
        ImportRun first = job().run(request(personneActivite()
                .add(nurse("10000000001", "ANDRÉ"))
                .add(nurse("10000000002", "BERNARD"))
                .add(nurse("10000000003", "CLÉMENT"))
                .write(files, "202611280000"), false));
        assertThat(first.status()).isEqualTo(ImportStatus.SUCCEEDED);
        long bernardUpdatedAt = updatedAt("810000000003");

        Path second = Files.createDirectory(files.resolve("second"));
        ImportRun run = job().run(request(nextDay().write(second, "202611290000"), false));

        assertThat(run.status()).as(run.message()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(run.previousCount()).isEqualTo(3);
        assertThat(run.newCount()).isEqualTo(1);
        assertThat(run.changedCount()).isEqualTo(1);
        assertThat(run.goneCount()).isEqualTo(1);
        assertThat(ids()).containsExactly("810000000002", "810000000003", "810000000004");
        assertThat(row("SELECT PROFESSION_CODE FROM RELAIS_RPPS_PROFESSIONAL WHERE ID_NAT = '810000000002'"))
                .containsEntry("PROFESSION_CODE", "50");
        assertThat(updatedAt("810000000003")).as("unchanged rows are not rewritten").isEqualTo(bernardUpdatedAt);
        assertThat(changeRecords()).containsExactly("810000000001 GONE 60→null", "810000000002 PROFESSION 60→50");
        assertThat(activitiesPerProfessional()).containsExactly("810000000002 2", "810000000003 1", "810000000004 2");

        ImportRun again = job().run(request(second.resolve("PS_LibreAcces_Personne_activite_202611290000.txt"), false));
        assertThat(again.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(List.of(again.newCount(), again.changedCount(), again.goneCount())).containsOnly(0L);
    }

    @Test
    void aFileFarLargerThanTheDirectoryIsAppliedAndAccountedForAsADailyOneIs() throws Exception {
        // The demo directory before the first national import: the swap writes all but the professionals it
        // keeps (DirectorySwap#apply), and must count, record and keep exactly what the diff join does.
        job().run(request(personneActivite()
                .add(nurse("10000000001", "ANDRÉ"))
                .add(nurse("10000000002", "BERNARD"))
                .write(files, "202611280000"), false));

        Path second = Files.createDirectory(files.resolve("second"));
        ImportRun run = job().run(request(nextDay()
                .add(nurse("10000000005", "EVRARD"))
                .add(nurse("10000000006", "FABRE"))
                .add(nurse("10000000007", "GIRARD"))
                .write(second, "202611290000"), false));

        assertThat(run.status()).as(run.message()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(List.of(run.previousCount(), run.newCount(), run.changedCount(), run.goneCount()))
                .containsExactly(2L, 5L, 1L, 1L);
        assertThat(activitiesPerProfessional()).containsExactly("810000000002 2", "810000000003 1", "810000000004 2",
                "810000000005 1", "810000000006 1", "810000000007 1");
        assertThat(changeRecords()).containsExactly("810000000001 GONE 60→null", "810000000002 PROFESSION 60→50");
        assertWorkTablesEmptyAndUnlocked();
    }

    @Test
    void aFileLargerThanTheSwapsFirstSliceIsWrittenWhole() throws Exception {
        job().run(request(personneActivite().add(nurse("10000000001", "ANDRÉ")).write(files, "202611280000"), false));
        int professionals = (int) (DirectorySwap.FIRST_SLICE_ROWS / 3 * 2);  // three rows each: twice the slice
        ExtractionFiles country = personneActivite();
        for (int i = 2; i <= professionals + 1; i++) {
            country.add(nurse(String.format(Locale.ROOT, "1%010d", i), "NOM" + i).cabinet("CABINET " + i, "69001"));
        }
        Path second = Files.createDirectory(files.resolve("second"));

        ImportRun run = job().run(request(country.write(second, "202611290000"), false));

        assertThat(run.status()).as(run.message()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(List.of(run.newCount(), run.changedCount(), run.goneCount()))
                .containsExactly((long) professionals, 0L, 1L);
        assertThat(count("SELECT COUNT(*) FROM RELAIS_RPPS_PROFESSIONAL")).isEqualTo(professionals);
        assertThat(count("SELECT COUNT(*) FROM RELAIS_RPPS_ACTIVITY")).isEqualTo(2L * professionals);
        assertThat(count("SELECT COUNT(*) FROM (SELECT ID_NAT FROM RELAIS_RPPS_ACTIVITY GROUP BY ID_NAT"
                + " HAVING COUNT(*) <> 2) t")).isZero();
    }

    @Test
    void cachesAreToldOnceAChangeIsCommittedAndOnlyWhenTheDirectoryChanged() throws Exception {
        List<List<String>> seenFromAnotherConnection = new ArrayList<>();
        ImportJob job = jobTelling(() -> seenFromAnotherConnection.add(ids()));
        Path file = personneActivite().add(nurse("10000000001", "ANDRÉ")).add(nurse("10000000002", "BERNARD"))
                .write(files, "202611280000");

        assertThat(job.run(request(file, false)).status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(seenFromAnotherConnection).as("committed when told")
                .containsExactly(List.of("810000000001", "810000000002"));

        assertThat(job.run(request(file, false)).status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(seenFromAnotherConnection).as("nothing changed, nothing told").hasSize(1);
    }

    @Test
    void aCacheThatCannotBeToldDoesNotFailACommittedImport() throws Exception {
        ImportJob job = new ImportJob(new JdbcTransactions(database.dataSource()), RppsTables.DEFAULT,
                ImportSettings.DEFAULTS, Clock.systemUTC(), "test-node", () -> {
                    throw new IllegalStateException("cluster unreachable (simulated)");
                });

        ImportRun run = job.run(request(personneActivite().add(nurse("10000000001", "ANDRÉ")).write(files, "202611280000"),
                false));

        assertThat(run.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(ids()).containsExactly("810000000001");
        assertWorkTablesEmptyAndUnlocked();
    }

    @Test
    void aFailureDuringTheSwapKeepsThePreviousDirectory() throws Exception {
        failingSwapKeepsThePreviousDirectory("professionals inserted", personneActivite()
                .add(nurse("10000000002", "BERNARD-MODIFIÉ"))
                .add(nurse("10000000003", "CLÉMENT")));
    }

    @Test
    void aFailureAfterTheFirstSliceOfAMostlyNewFileKeepsThePreviousDirectory() throws Exception {
        // The first slice's ANALYZE writes the live tables' row counts in place, outside the transaction;
        // the rows and the change records must still go with the rollback.
        ExtractionFiles mostlyNew = personneActivite().add(nurse("10000000002", "BERNARD-MODIFIÉ"));
        for (int i = 3; i <= 7; i++) {
            mostlyNew.add(nurse("1000000000" + i, "NOUVEAU" + i));
        }
        failingSwapKeepsThePreviousDirectory("first slice written", mostlyNew);
    }

    /** ANDRÉ and BERNARD imported, then {@code next} fails at {@code step}: nothing of it may remain. */
    private void failingSwapKeepsThePreviousDirectory(String step, ExtractionFiles next) throws Exception {
        job().run(request(personneActivite()
                .add(nurse("10000000001", "ANDRÉ"))
                .add(nurse("10000000002", "BERNARD"))
                .write(files, "202611280000"), false));
        List<Map<String, Object>> before = rows("SELECT * FROM RELAIS_RPPS_PROFESSIONAL ORDER BY ID_NAT");
        List<Map<String, Object>> activitiesBefore = rows("SELECT * FROM RELAIS_RPPS_ACTIVITY ORDER BY ID_NAT, ACTIVITY_NO");

        Path second = Files.createDirectory(files.resolve("second"));
        ImportJob crashing = new ImportJob(new JdbcTransactions(database.dataSource()), RppsTables.DEFAULT,
                ImportSettings.DEFAULTS, Clock.systemUTC(), "test-node", reached -> {
                    if (reached.equals(step)) {
                        throw new SQLException("disk full (simulated)");
                    }
                });
        ImportRun run = crashing.run(request(next.write(second, "202611290000"), false));

        assertThat(run.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(run.message()).contains("disk full (simulated)").contains("l'annuaire précédent est conservé");
        assertThat(rows("SELECT * FROM RELAIS_RPPS_PROFESSIONAL ORDER BY ID_NAT")).isEqualTo(before);
        assertThat(rows("SELECT * FROM RELAIS_RPPS_ACTIVITY ORDER BY ID_NAT, ACTIVITY_NO")).isEqualTo(activitiesBefore);
        assertThat(count("SELECT COUNT(*) FROM RELAIS_RPPS_CHANGE")).isZero();
        assertThat(row("SELECT STATUS FROM RELAIS_RPPS_IMPORT WHERE ID = '" + run.id() + "'"))
                .containsEntry("STATUS", "FAILED");
        assertWorkTablesEmptyAndUnlocked();
    }

    @Test
    void eachSuccessfulImportReChecksTheLinksOfAccountsWhoseProfessionalItHoldsAndNoOthers() throws Exception {
        KeycloakUserTables.account(database, "andre", "810000000001");
        KeycloakUserTables.account(database, "bernard", "810000000002");
        // A staff card's structure-based identifier: never in RPPS, so its link is never confirmed.
        KeycloakUserTables.account(database, "accueil", "3750000001/EMP0001");
        Instant first = Instant.parse("2026-11-28T03:00:00Z");
        Instant second = Instant.parse("2026-11-29T03:00:00Z");

        ImportRun run = jobAt(first, DirectorySwap.Checkpoint.NONE).run(request(personneActivite()
                .add(nurse("10000000001", "ANDRÉ"))
                .add(nurse("10000000002", "BERNARD"))
                .add(nurse("10000000003", "CLÉMENT"))
                .write(files, "202611280000"), false));

        assertThat(run.status()).as(run.message()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(run.report()).contains("account links re-checked: 2");
        assertThat(linkChecks()).as("accounts only; CLÉMENT has none").containsExactly(
                "810000000001@" + first.toEpochMilli(), "810000000002@" + first.toEpochMilli());

        // ANDRÉ left RPPS: his link keeps the date it last held.
        Path next = Files.createDirectory(files.resolve("second"));
        run = jobAt(second, DirectorySwap.Checkpoint.NONE).run(request(personneActivite()
                .add(nurse("10000000002", "BERNARD"))
                .add(nurse("10000000003", "CLÉMENT"))
                .add(nurse("10000000004", "DURAND"))
                .write(next, "202611290000"), false));

        assertThat(run.status()).as(run.message()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(linkChecks()).containsExactly(
                "810000000001@" + first.toEpochMilli(), "810000000002@" + second.toEpochMilli());
    }

    @Test
    void linksAreReCheckedInTheSwapsTransaction() throws Exception {
        KeycloakUserTables.account(database, "andre", "810000000001");
        Instant first = Instant.parse("2026-11-28T03:00:00Z");
        Path file = personneActivite().add(nurse("10000000001", "ANDRÉ")).write(files, "202611280000");
        jobAt(first, DirectorySwap.Checkpoint.NONE).run(request(file, false));

        ImportRun failed = jobAt(first.plus(Duration.ofDays(1)), step -> {
            if (step.equals("links checked")) {
                throw new SQLException("connection lost (simulated)");
            }
        }).run(request(file, false));

        assertThat(failed.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(linkChecks()).containsExactly("810000000001@" + first.toEpochMilli());
        assertWorkTablesEmptyAndUnlocked();
    }

    @Test
    void anUnreadableFileFailsWithoutTouchingTheDirectory() throws Exception {
        job().run(request(personneActivite().add(nurse("10000000001", "ANDRÉ")).write(files, "202611280000"), false));
        List<Map<String, Object>> before = rows("SELECT * FROM RELAIS_RPPS_PROFESSIONAL ORDER BY ID_NAT");

        // A download cut inside the zip's central directory: the archive cannot be opened.
        Path broken = Files.write(files.resolve("PS_LibreAcces_202611290000.zip"), new byte[] {'P', 'K', 3, 4, 0, 0});
        ImportRun run = job().run(request(broken, false));

        assertThat(run.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(run.message()).contains("PS_LibreAcces_202611290000.zip");
        assertThat(rows("SELECT * FROM RELAIS_RPPS_PROFESSIONAL ORDER BY ID_NAT")).isEqualTo(before);
        assertWorkTablesEmptyAndUnlocked();
    }

    @Test
    void aShrunkFileIsRefusedUnlessForced() throws Exception {
        ExtractionFiles full = personneActivite();
        ExtractionFiles truncated = personneActivite();
        for (int i = 1; i <= 20; i++) {
            full.add(nurse(String.format("%011d", i), "NOM" + i));
            if (i <= 15) {
                truncated.add(nurse(String.format("%011d", i), "NOM" + i));
            }
        }
        job().run(request(full.write(files, "202611280000"), false));
        Path second = Files.createDirectory(files.resolve("second"));
        Path shrunk = truncated.write(second, "202611290000");

        ImportRun refused = job().run(request(shrunk, false));

        assertThat(refused.status()).isEqualTo(ImportStatus.REFUSED);
        assertThat(refused.message()).contains("baisse de 25,0 %").contains("(20 → 15)").contains("forçant");
        assertThat(refused.previousCount()).isEqualTo(20);
        assertThat(refused.professionals()).isEqualTo(15);
        assertThat(count("SELECT COUNT(*) FROM RELAIS_RPPS_PROFESSIONAL")).isEqualTo(20);
        assertWorkTablesEmptyAndUnlocked();

        ImportRun forced = job().run(request(shrunk, true));

        assertThat(forced.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(forced.forced()).isTrue();
        assertThat(forced.goneCount()).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM RELAIS_RPPS_PROFESSIONAL")).isEqualTo(15);
    }

    @Test
    void aFileOfMostlyBadLinesIsRefused() throws Exception {
        ExtractionFiles file = personneActivite().add(nurse("10000000001", "ANDRÉ"));
        for (int i = 0; i < 5; i++) {
            file.rawLine("8|123|not an idnat|");
        }
        ImportRun run = job().run(request(file.write(files, "202611280000"), false));

        assertThat(run.status()).isEqualTo(ImportStatus.REFUSED);
        assertThat(run.rejectedCount()).isEqualTo(5);
        assertThat(run.message()).contains("lignes sont invalides");
        assertThat(run.report()).contains("line 3");
        assertThat(count("SELECT COUNT(*) FROM RELAIS_RPPS_PROFESSIONAL")).isZero();
    }

    @Test
    void theScopeKeepsOnlyTheOrganisationsProfessionals() throws Exception {
        Path file = personneActivite()
                .add(nurse("10000000001", "ANDRÉ"))
                .add(rpps("10000000002", "BERNARD", "ANNE", "10", "Médecin").cabinet("CABINET", "75011"))
                .add(rpps("10000000003", "CLÉMENT", "LUC", "10", "Médecin").cabinet("CABINET", "69006"))
                .write(files, "202611280000");
        ImportSettings scoped = ImportSettings.DEFAULTS.withScope(ImportScope.of(Set.of("690000001"), Set.of("75")));

        ImportRun run = job(scoped).run(request(file, false));

        assertThat(run.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(run.outOfScopeCount()).isEqualTo(1);
        assertThat(ids()).containsExactly("810000000001", "810000000002");
    }

    @Test
    void aProfessionalListedInTwoPlacesIsMerged() throws Exception {
        Path file = personneActivite()
                .add(nurse("10000000001", "ANDRÉ"))
                .add(nurse("10000000002", "BERNARD"))
                .add(rpps("10000000001", "ANDRÉ", "JEANNE", "60", "Infirmier").cabinet("CABINET ANDRÉ", "69006"))
                .write(files, "202611280000");

        ImportRun run = job().run(request(file, false));

        assertThat(run.status()).as(run.message()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(run.professionals()).isEqualTo(2);
        assertThat(run.report()).contains("merged: 1");
        assertThat(count("SELECT COUNT(*) FROM RELAIS_RPPS_ACTIVITY WHERE ID_NAT = '810000000001'")).isEqualTo(2);
    }

    @Test
    void aSecondImportWaitsForTheFirstAndAStaleLockIsTakenOver() throws Exception {
        Path file = personneActivite().add(nurse("10000000001", "ANDRÉ")).write(files, "202611280000");
        database.execute("UPDATE RELAIS_RPPS_LOCK SET HOLDER = 'other-node-run', ACQUIRED_AT = "
                + System.currentTimeMillis());

        assertThatThrownBy(() -> job().run(request(file, false))).isInstanceOf(ImportBusyException.class);
        assertThat(count("SELECT COUNT(*) FROM RELAIS_RPPS_IMPORT")).isZero();

        long threeHoursAgo = System.currentTimeMillis() - Duration.ofHours(3).toMillis();
        database.execute("UPDATE RELAIS_RPPS_LOCK SET ACQUIRED_AT = " + threeHoursAgo,
                "INSERT INTO RELAIS_RPPS_IMPORT (ID, STATUS, TRIGGER_KIND, FORCED, STARTED_AT) VALUES "
                        + "('other-node-run', 'RUNNING', 'SCHEDULE', FALSE, " + threeHoursAgo + ")");

        ImportRun run = job().run(request(file, false));

        assertThat(run.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(row("SELECT STATUS, MESSAGE FROM RELAIS_RPPS_IMPORT WHERE ID = 'other-node-run'"))
                .containsEntry("STATUS", "FAILED");
        assertWorkTablesEmptyAndUnlocked();
    }

    @Test
    void theHistoryListsRunsNewestFirstAndRemembersTheSourceVersion() throws Exception {
        Path file = personneActivite().add(nurse("10000000001", "ANDRÉ")).write(files, "202611280000");
        ImportJob job = job();
        ImportRun first = job.run(request(file, false));
        ImportRun skipped = job.recordSkipped("test-source", ImportTrigger.SCHEDULE, "node", "Extraction inchangée.");

        ImportRuns runs = new ImportRuns(RppsTables.DEFAULT);
        try (Connection connection = database.dataSource().getConnection()) {
            assertThat(runs.latest(connection, 10)).extracting(ImportRun::id).containsExactly(skipped.id(), first.id());
            assertThat(runs.lastImportedVersion(connection, "test-source")).contains("v1");
            assertThat(runs.lastSucceeded(connection)).map(ImportRun::id).contains(first.id());
        }
    }

    // --- helpers -------------------------------------------------------------------------------------

    /**
     * The day after ANDRÉ, BERNARD and CLÉMENT (nurses): ANDRÉ left, BERNARD became a midwife, CLÉMENT is
     * unchanged, DURAND arrived. BERNARD and DURAND have two activities each, both of which must land
     * although one statement writes every professional's activities.
     */
    static ExtractionFiles nextDay() {
        return personneActivite()
                .add(rpps("10000000002", "BERNARD", "ANNE", "50", "Sage-Femme")
                        .at("690012345", "690000001", "EHPAD LES CÈDRES", "69003", "SA17")
                        .cabinet("CABINET BERNARD", "69007"))
                .add(nurse("10000000003", "CLÉMENT"))
                .add(nurse("10000000004", "DURAND").cabinet("CABINET DURAND", "69008"));
    }

    List<String> changeRecords() throws SQLException {
        return rows("SELECT ID_NAT, CHANGE_KIND, OLD_PROFESSION, NEW_PROFESSION FROM RELAIS_RPPS_CHANGE ORDER BY ID_NAT")
                .stream().map(r -> r.get("ID_NAT") + " " + r.get("CHANGE_KIND") + " " + r.get("OLD_PROFESSION") + "→"
                        + r.get("NEW_PROFESSION")).toList();
    }

    List<String> activitiesPerProfessional() throws SQLException {
        return rows("SELECT ID_NAT, COUNT(*) AS N FROM RELAIS_RPPS_ACTIVITY GROUP BY ID_NAT ORDER BY ID_NAT").stream()
                .map(r -> r.get("ID_NAT") + " " + r.get("N")).toList();
    }

    static ExtractionFiles.Person nurse(String rpps, String lastName) {
        return rpps(rpps, lastName, "CLAIRE", "60", "Infirmier")
                .at("690012345", "690000001", "EHPAD LES CÈDRES", "69003", "SA17");
    }

    ImportJob job() {
        return job(ImportSettings.DEFAULTS);
    }

    ImportJob job(ImportSettings settings) {
        return new ImportJob(new JdbcTransactions(database.dataSource()), RppsTables.DEFAULT, settings,
                Clock.systemUTC(), "test-node");
    }

    /** Something the tests read from the database when an import tells its caller the directory changed. */
    @FunctionalInterface
    interface WhenChanged {
        void run() throws SQLException;
    }

    ImportJob jobTelling(WhenChanged whenChanged) {
        return new ImportJob(new JdbcTransactions(database.dataSource()), RppsTables.DEFAULT, ImportSettings.DEFAULTS,
                Clock.systemUTC(), "test-node", () -> {
                    try {
                        whenChanged.run();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    ImportJob jobAt(Instant now, DirectorySwap.Checkpoint checkpoint) {
        return new ImportJob(new JdbcTransactions(database.dataSource()), RppsTables.DEFAULT, ImportSettings.DEFAULTS,
                Clock.fixed(now, ZoneOffset.UTC), "test-node", checkpoint);
    }

    List<String> linkChecks() throws SQLException {
        return rows("SELECT ID_NAT, CHECKED_AT FROM RELAIS_RPPS_LINK_CHECK ORDER BY ID_NAT").stream()
                .map(r -> r.get("ID_NAT") + "@" + r.get("CHECKED_AT")).toList();
    }

    static ImportRequest request(Path file, boolean forced) {
        return new ImportRequest(List.of(file), "test-source", "v1", null, ImportTrigger.MANUAL, "admin", forced);
    }

    void assertWorkTablesEmptyAndUnlocked() throws SQLException {
        assertThat(count("SELECT COUNT(*) FROM RELAIS_RPPS_STAGING")).isZero();
        assertThat(count("SELECT COUNT(*) FROM RELAIS_RPPS_DIFF")).isZero();
        assertThat(row("SELECT HOLDER FROM RELAIS_RPPS_LOCK")).containsEntry("HOLDER", null);
    }

    List<String> ids() throws SQLException {
        return rows("SELECT ID_NAT FROM RELAIS_RPPS_PROFESSIONAL ORDER BY ID_NAT").stream()
                .map(r -> (String) r.get("ID_NAT")).toList();
    }

    long updatedAt(String idNat) throws SQLException {
        return count("SELECT UPDATED_AT FROM RELAIS_RPPS_PROFESSIONAL WHERE ID_NAT = '" + idNat + "'");
    }

    long count(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    Map<String, Object> row(String sql) throws SQLException {
        List<Map<String, Object>> rows = rows(sql);
        assertThat(rows).as(sql).hasSize(1);
        return rows.get(0);
    }

    List<Map<String, Object>> rows(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<Map<String, Object>> result = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns; i++) {
                    // PostgreSQL reports lower-case names; compare in the changelog's upper case.
                    row.put(rows.getMetaData().getColumnLabel(i).toUpperCase(Locale.ROOT), rows.getObject(i));
                }
                result.add(row);
            }
            return result;
        }
    }
}
