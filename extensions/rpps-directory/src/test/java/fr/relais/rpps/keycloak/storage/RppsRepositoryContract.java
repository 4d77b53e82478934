package fr.relais.rpps.keycloak.storage;

import static fr.relais.rpps.testing.ExtractionFiles.personneActivite;
import static fr.relais.rpps.testing.ExtractionFiles.rpps;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.relais.rpps.directory.DirectorySearch;
import fr.relais.rpps.directory.ProfessionalCache;
import fr.relais.rpps.directory.ProfessionalRecord;
import fr.relais.rpps.importer.ImportJob;
import fr.relais.rpps.importer.ImportRequest;
import fr.relais.rpps.importer.ImportSettings;
import fr.relais.rpps.importer.ImportStatus;
import fr.relais.rpps.importer.ImportTrigger;
import fr.relais.rpps.store.JdbcTransactions;
import fr.relais.rpps.store.RppsTables;
import fr.relais.rpps.testing.KeycloakUserTables;
import fr.relais.rpps.testing.TestDatabase;

/**
 * The JPA side Keycloak uses (entities, named queries) against the schema the changelog creates, filled
 * by a real import: Hibernate validates the mapping against the tables, then the login-path lookup and
 * the admin searches run as in Keycloak.
 */
abstract class RppsRepositoryContract {

    @TempDir
    Path files;

    TestDatabase database;
    EntityManagerFactory factory;
    EntityManager em;

    abstract TestDatabase.Kind kind();

    @BeforeEach
    void importDirectory() throws Exception {
        database = TestDatabase.create(kind());
        KeycloakUserTables.create(database);
        Path file = personneActivite()
                .add(rpps("10001045367", "GUIGNARD", "ÉRIC", "10", "Médecin").doctor()
                        .savoirFaire("S", "Spécialité ordinale", "SM54", "Médecine générale")
                        .at("690012345", "690000001", "EHPAD LES CÈDRES", "69003", "SA17")
                        .cabinet("CABINET GUIGNARD", "69006"))
                .add(rpps("10000000002", "LEFÈVRE", "HÉLÈNE", "60", "Infirmier")
                        .at("690099999", "690000001", "EHPAD LES TILLEULS", "69008", "SA17"))
                .add(rpps("10000000003", "LEFEBVRE", "PAUL", "60", "Infirmier").cabinet("CABINET", "75011"))
                .add(rpps("10000000004", "MARTIN", "JULIE", "50", "Sage-Femme"))
                .write(files, "202611280000");
        var run = new ImportJob(new JdbcTransactions(database.dataSource()), RppsTables.DEFAULT,
                ImportSettings.DEFAULTS, Clock.systemUTC(), "test").run(new ImportRequest(List.of(file), "test", "v1",
                null, ImportTrigger.MANUAL, "admin", false));
        assertThat(run.status()).as(run.message()).isEqualTo(ImportStatus.SUCCEEDED);

        factory = entityManagerFactory(sql -> sql);
        em = factory.createEntityManager();
    }

    /** Keycloak's view of the directory tables; {@code inspector} sees each SQL statement Hibernate sends. */
    EntityManagerFactory entityManagerFactory(StatementInspector inspector) {
        return new HibernatePersistenceConfiguration("rpps-" + kind())
                .managedClasses(ProfessionalEntity.class, ActivityEntity.class, ImportRunEntity.class)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, database.dataSource())
                // The mapping must match what the changelog created, column by column.
                .property(AvailableSettings.HBM2DDL_AUTO, "validate")
                .property(AvailableSettings.STATEMENT_INSPECTOR, inspector)
                .createEntityManagerFactory();
    }

    @AfterEach
    void close() {
        if (em != null) {
            em.close();
            factory.close();
        }
    }

    @Test
    void findsAProfessionalWithActivitiesInFileOrder() {
        ProfessionalRecord guignard = new RppsRepository(em, ProfessionalCache.OFF).find("810001045367").orElseThrow();

        assertThat(guignard.rppsNumber()).isEqualTo("10001045367");
        assertThat(guignard.practiceCivilityCode()).isEqualTo("DR");
        assertThat(guignard.professionLabel()).isEqualTo("Médecin");
        assertThat(guignard.savoirFaire()).singleElement().satisfies(sf -> {
            assertThat(sf.code()).isEqualTo("SM54");
            assertThat(sf.label()).isEqualTo("Médecine générale");
        });
        assertThat(guignard.activities()).extracting(a -> a.finessSite() + "/" + a.modeCode())
                .containsExactly("690012345/S", "null/L");
        assertThat(new RppsRepository(em, ProfessionalCache.OFF).find("810000000004")).get()
                .satisfies(martin -> assertThat(martin.lastName()).isEqualTo("MARTIN"))
                .satisfies(martin -> assertThat(martin.activities()).as("registered, no current practice").isEmpty());
        assertThat(new RppsRepository(em, ProfessionalCache.OFF).find("899999999999")).isEmpty();
    }

    @Test
    void aProfessionalWithMoreActivitiesThanOneReadHoldsThemAll() {
        StringBuilder insert = new StringBuilder("INSERT INTO RELAIS_RPPS_ACTIVITY (ID_NAT, ACTIVITY_NO, FINESS_SITE) VALUES ");
        for (int no = 1000; no < 1150; no++) {
            insert.append(no == 1000 ? "" : ", ").append("('810000000002', ").append(no).append(", '69").append(no).append("')");
        }
        database.execute(insert.toString());

        ProfessionalRecord lefevre = new RppsRepository(em, ProfessionalCache.OFF).find("810000000002").orElseThrow();

        assertThat(lefevre.activities()).hasSize(151);
        assertThat(lefevre.activities().get(0).finessSite()).isEqualTo("690099999");
        assertThat(lefevre.activities().get(150).finessSite()).isEqualTo("691149");
    }

    @Test
    void searchesByNamePrefixIdentifierProfessionAndFiness() {
        RppsRepository repository = new RppsRepository(em, ProfessionalCache.OFF);

        assertThat(repository.search(DirectorySearch.freeText("lefe").orElseThrow(), 0, 10))
                .extracting(ProfessionalRecord::lastName).containsExactly("LEFEBVRE", "LEFÈVRE");
        assertThat(repository.search(DirectorySearch.freeText("Lefèvre H").orElseThrow(), 0, 10))
                .extracting(ProfessionalRecord::idNat).containsExactly("810000000002");
        assertThat(repository.search(DirectorySearch.freeText("10000000003").orElseThrow(), 0, 10))
                .extracting(ProfessionalRecord::idNat).containsExactly("810000000003");
        List<ProfessionalRecord> byIdNat = repository.search(DirectorySearch.freeText("810001045367").orElseThrow(), 0, 10);
        assertThat(byIdNat).extracting(ProfessionalRecord::idNat).containsExactly("810001045367");
        assertThat(byIdNat.get(0)).as("the same record as the lookup").isEqualTo(repository.find("810001045367").orElseThrow());
        assertThat(repository.search(DirectorySearch.freeText("guignard").orElseThrow(), 0, 10))
                .as("a page, read with its own activities query, holds the same record as the lookup")
                .containsExactly(repository.find("810001045367").orElseThrow());
        assertThat(repository.search(DirectorySearch.freeText("810001045367").orElseThrow(), 1, 10)).isEmpty();
        assertThat(repository.search(new DirectorySearch(DirectorySearch.Kind.PROFESSION, "60"), 0, 10))
                .extracting(ProfessionalRecord::idNat).containsExactly("810000000003", "810000000002");
        assertThat(repository.search(new DirectorySearch(DirectorySearch.Kind.FINESS, "690000001"), 0, 10))
                .extracting(ProfessionalRecord::idNat).containsExactly("810001045367", "810000000002");
        assertThat(repository.search(new DirectorySearch(DirectorySearch.Kind.FINESS, "690012345"), 0, 1))
                .extracting(ProfessionalRecord::idNat).containsExactly("810001045367");
        assertThat(repository.search(DirectorySearch.freeText("lefe").orElseThrow(), 1, 10)).hasSize(1);
        assertThat(repository.count()).isEqualTo(4);
    }
}
