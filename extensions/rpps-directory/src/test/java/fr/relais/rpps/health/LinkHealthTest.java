package fr.relais.rpps.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class LinkHealthTest {

    private static final long NOW = Instant.parse("2026-11-29T10:00:00Z").toEpochMilli();
    private static final String RECENT = Instant.ofEpochMilli(NOW).minus(Duration.ofDays(10)).toString();
    private static final String OLD = Instant.ofEpochMilli(NOW).minus(Duration.ofDays(4 * 365)).toString();

    private final LinkHealth health = new LinkHealth(2);

    @Test
    void sortsAccountsIntoTheSections() {
        List<AccountLink> accounts = List.of(
                account("claire", "810000000001", true, "60", RECENT, true),
                account("secretariat", null, false, null, null, true),
                account("ancien-compte", null, false, null, null, false),
                account("parti", "810000000002", false, null, RECENT, true),
                account("faute-de-frappe", "810000000099", false, null, RECENT, true),
                account("sage-femme", "810000000003", true, "50", RECENT, true),
                account("oublie", "810000000004", true, "60", OLD, true),
                account("jamais", "810000000005", true, "60", null, false));
        List<DirectoryChange> changes = List.of(
                new DirectoryChange("810000000002", "GONE", "60", null, NOW - Duration.ofDays(3).toMillis()),
                new DirectoryChange("810000000003", "PROFESSION", "60", "50", NOW - Duration.ofDays(5).toMillis()),
                new DirectoryChange("810000000004", "PROFESSION", "10", "60", NOW - Duration.ofDays(90).toMillis()));

        LinkHealthReport report = health.classify("relais", NOW, true, 1095, 30, accounts, changes);

        assertThat(report.accounts()).isEqualTo(8);
        assertThat(report.linked()).isEqualTo(6);
        assertThat(report.notLinked().entries()).extracting(LinkHealthReport.Entry::username)
                .as("disabled accounts without idNat_PS are nobody's concern").containsExactly("secretariat");
        assertThat(report.absent().entries()).extracting(e -> e.username() + ": " + e.detail()).containsExactly(
                "faute-de-frappe: idNat_PS inconnu de l'annuaire RPPS (jamais importé : erreur de saisie ?)",
                "parti: absent du RPPS depuis l'import du 2026-11-26");
        assertThat(report.professionChanged().entries()).extracting(e -> e.username() + ": " + e.detail())
                .as("only within the window").containsExactly("sage-femme: profession 60 → 50 (import du 2026-11-24)");
        assertThat(report.notRechecked().total()).isEqualTo(2);
        assertThat(report.notRechecked().entries()).extracting(e -> e.username() + ": " + e.detail()).containsExactly(
                "jamais: rattachement jamais revérifié", "oublie: dernière revérification le 2022-11-30");
        assertThat(report.summary()).contains("8 compte(s), 6 rattaché(s)").contains("2 absent(s) du RPPS");
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
                                       String verifiedAt, boolean enabled) {
        return new AccountLink("id-" + username, username, "Prénom", "NOM", enabled, false, idNat, inDirectory,
                profession, verifiedAt);
    }
}
