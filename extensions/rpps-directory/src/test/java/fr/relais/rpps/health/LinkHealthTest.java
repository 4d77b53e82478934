package fr.relais.rpps.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class LinkHealthTest {

    private static final long NOW = Instant.parse("2026-11-29T10:00:00Z").toEpochMilli();
    private static final long RECENT = NOW - Duration.ofDays(10).toMillis();
    private static final long OLD = NOW - Duration.ofDays(4 * 365).toMillis();

    private final LinkHealth health = new LinkHealth(2);

    @Test
    void sortsAccountsIntoTheSections() {
        List<AccountLink> accounts = List.of(
                account("claire", "810000000001", true, "60", RECENT, true),
                account("secretariat", null, false, null, null, true),
                account("ancien-compte", null, false, null, null, false),
                account("parti", "810000000002", false, null, RECENT, true),
                account("faute-de-frappe", "810000000099", false, null, null, true),
                account("sage-femme", "810000000003", true, "50", RECENT, true),
                account("oublie", "810000000004", true, "60", OLD, true),
                account("jamais", "810000000005", true, "60", null, false),
                opened("ouvert-hier", "810000000006", OLD, Instant.ofEpochMilli(NOW).minus(Duration.ofDays(1)).toString()));
        List<DirectoryChange> changes = List.of(
                new DirectoryChange("810000000002", "GONE", "60", null, NOW - Duration.ofDays(3).toMillis()),
                new DirectoryChange("810000000003", "PROFESSION", "60", "50", NOW - Duration.ofDays(5).toMillis()),
                new DirectoryChange("810000000004", "PROFESSION", "10", "60", NOW - Duration.ofDays(90).toMillis()));

        LinkHealthReport report = new LinkHealth(10).classify("relais", NOW, true, 1095, 30, accounts, changes);

        assertThat(report.accounts()).isEqualTo(9);
        assertThat(report.linked()).isEqualTo(7);
        assertThat(report.notLinked().entries()).extracting(LinkHealthReport.Entry::username)
                .as("disabled accounts without idNat_PS are nobody's concern").containsExactly("secretariat");
        assertThat(report.absent().entries()).extracting(e -> e.username() + ": " + e.detail()).containsExactly(
                "faute-de-frappe: idNat_PS inconnu de l'annuaire RPPS (jamais importé : erreur de saisie ?)",
                "parti: absent du RPPS depuis l'import du 2026-11-26");
        assertThat(report.professionChanged().entries()).extracting(e -> e.username() + ": " + e.detail())
                .as("only within the window").containsExactly("sage-femme: profession 60 → 50 (import du 2026-11-24)");
        assertThat(report.notRechecked().total()).isEqualTo(3);
        assertThat(report.notRechecked().entries()).extracting(e -> e.username() + ": " + e.detail())
                .as("an account the directory opened yesterday was checked then").containsExactly(
                        "faute-de-frappe: rattachement jamais vérifié : idNat_PS trouvé dans aucun import RPPS réussi",
                        "jamais: rattachement jamais vérifié : idNat_PS trouvé dans aucun import RPPS réussi",
                        "oublie: dernière vérification le 2022-11-30");
        assertThat(report.absent().entries()).extracting(LinkHealthReport.Entry::lastCheck)
                .as("when the link last held, for each").containsExactly(null, "2026-11-19T10:00:00Z");
        assertThat(report.summary()).contains("9 compte(s), 7 rattaché(s)").contains("2 absent(s) du RPPS");
    }

    @Test
    void theLastCheckIsTheLaterOfTheLastImportThatFoundTheProfessionalAndTheAccountsOpening() {
        String opened = Instant.ofEpochMilli(RECENT).toString();

        assertThat(LinkHealth.lastCheck(opened("a", "810000000001", OLD, opened))).isEqualTo(RECENT);
        assertThat(LinkHealth.lastCheck(opened("b", "810000000001", NOW, opened))).isEqualTo(NOW);
        assertThat(LinkHealth.lastCheck(opened("c", "810000000001", null, opened))).isEqualTo(RECENT);
        assertThat(LinkHealth.lastCheck(opened("d", "810000000001", OLD, "not a date"))).isEqualTo(OLD);
        assertThat(LinkHealth.lastCheck(opened("e", "810000000001", null, null))).isNull();
    }

    @Test
    void capsListsButNotTotals() {
        List<AccountLink> accounts = List.of(account("a", null, false, null, null, true),
                account("b", null, false, null, null, true), account("c", null, false, null, null, true));

        LinkHealthReport report = health.classify("relais", NOW, true, 1095, 30, accounts, List.of());

        assertThat(report.notLinked().total()).isEqualTo(3);
        assertThat(report.notLinked().entries()).hasSize(2);
    }

    @Test
    void beforeTheFirstImportLinksAreNotJudged() {
        LinkHealthReport report = health.classify("relais", NOW, false, 1095, 30,
                List.of(account("claire", "810000000001", false, null, null, true)), List.of());

        assertThat(report.absent().total()).isZero();
        assertThat(report.notRechecked().total()).isZero();
        assertThat(report.summary()).startsWith("Aucun import RPPS réussi");
    }

    private static AccountLink account(String username, String idNat, boolean inDirectory, String profession,
                                       Long checkedAt, boolean enabled) {
        return new AccountLink("id-" + username, username, "Prénom", "NOM", enabled, false, idNat, inDirectory,
                profession, checkedAt, null);
    }

    /** An account the directory opened, in RPPS. */
    private static AccountLink opened(String username, String idNat, Long checkedAt, String linkedAt) {
        return new AccountLink("id-" + username, username, "Prénom", "NOM", true, true, idNat, true, "60",
                checkedAt, linkedAt);
    }
}
