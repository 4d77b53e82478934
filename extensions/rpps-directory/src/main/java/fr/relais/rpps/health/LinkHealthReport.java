package fr.relais.rpps.health;

import java.util.List;

/**
 * The report, each list capped (the totals are exact).
 *
 * @param directoryLoaded     false until an import succeeded: links cannot be checked then
 * @param notLinked           active accounts without idNat_PS (service accounts excluded)
 * @param absent              linked accounts whose professional is not in the directory
 * @param professionChanged   linked professionals whose profession changed within the window
 * @param notRechecked        linked accounts whose link no import confirmed within the verification period
 */
public record LinkHealthReport(
        String realm,
        long generatedAt,
        boolean directoryLoaded,
        int verificationPeriodDays,
        int changeWindowDays,
        long accounts,
        long linked,
        Section<Entry> notLinked,
        Section<Entry> absent,
        Section<Entry> professionChanged,
        Section<Entry> notRechecked) {

    /** What operators read first, in French. */
    public String summary() {
        if (!directoryLoaded) {
            return "Aucun import RPPS réussi : les rattachements ne peuvent pas encore être vérifiés. "
                    + notLinked.total() + " compte(s) sans idNat_PS.";
        }
        return String.format("%d compte(s), %d rattaché(s) au RPPS ; %d sans idNat_PS ; %d absent(s) du RPPS ; "
                        + "%d changement(s) de profession en %d jours ; %d rattachement(s) non revérifié(s) depuis %d jours.",
                accounts, linked, notLinked.total(), absent.total(), professionChanged.total(), changeWindowDays,
                notRechecked.total(), verificationPeriodDays);
    }

    public record Section<T>(long total, List<T> entries) {
        public Section {
            entries = List.copyOf(entries);
        }
    }

    /**
     * @param lastCheck last time the link was found to hold (an import found the idNat_PS in RPPS, or the
     *                  directory opened the account), ISO instant; {@code null} if never
     * @param detail    why the account is listed, in French (e.g. "absent du RPPS depuis le 2026-11-29")
     */
    public record Entry(String userId, String username, String name, String idNat, boolean enabled, String lastCheck,
                        String detail) {
    }
}
