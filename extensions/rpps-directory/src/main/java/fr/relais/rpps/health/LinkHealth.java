package fr.relais.rpps.health;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sorts the realm's accounts into the report's sections. A departure is reported with the date the
 * import saw it; a profession change only within the window (the usual sign of a leaver or a mistake).
 * Disabled accounts are still reported when linked (a leaver disabled by HR still holds an RPPS link),
 * but not as "not linked" (nobody uses them).
 */
public final class LinkHealth {

    public static final int DEFAULT_CHANGE_WINDOW_DAYS = 30;
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private final int listLimit;

    public LinkHealth(int listLimit) {
        this.listLimit = listLimit;
    }

    public LinkHealthReport classify(String realm, long now, boolean directoryLoaded, int verificationPeriodDays,
                                     int changeWindowDays, List<AccountLink> accounts, List<DirectoryChange> changes) {
        Map<String, DirectoryChange> lastDeparture = new HashMap<>();
        Map<String, DirectoryChange> lastProfessionChange = new HashMap<>();
        long windowStart = now - Duration.ofDays(changeWindowDays).toMillis();
        for (DirectoryChange change : changes) {
            Map<String, DirectoryChange> target = "GONE".equals(change.kind()) ? lastDeparture
                    : change.changedAt() >= windowStart ? lastProfessionChange : null;
            if (target != null) {
                target.merge(change.idNat(), change, (a, b) -> a.changedAt() >= b.changedAt() ? a : b);
            }
        }

        Collector notLinked = new Collector();
        Collector absent = new Collector();
        Collector professionChanged = new Collector();
        Collector notRechecked = new Collector();
        long linked = 0;
        long verificationCutoff = now - Duration.ofDays(verificationPeriodDays).toMillis();
        for (AccountLink account : sorted(accounts)) {
            if (account.idNat() == null) {
                if (account.enabled()) {
                    notLinked.add(entry(account, "aucun idNat_PS : compte non rattaché au RPPS"));
                }
                continue;
            }
            linked++;
            if (!directoryLoaded) {
                continue;
            }
            if (!account.inDirectory()) {
                DirectoryChange departure = lastDeparture.get(account.idNat());
                absent.add(entry(account, departure == null
                        ? "idNat_PS inconnu de l'annuaire RPPS (jamais importé : erreur de saisie ?)"
                        : "absent du RPPS depuis l'import du " + date(departure.changedAt())));
            } else {
                DirectoryChange change = lastProfessionChange.get(account.idNat());
                if (change != null) {
                    professionChanged.add(entry(account, "profession " + change.oldProfession() + " → "
                            + change.newProfession() + " (import du " + date(change.changedAt()) + ")"));
                }
            }
            Long lastCheck = lastCheck(account);
            if (lastCheck == null || lastCheck < verificationCutoff) {
                notRechecked.add(entry(account, lastCheck == null
                        ? "rattachement jamais vérifié : idNat_PS trouvé dans aucun import RPPS réussi"
                        : "dernière vérification le " + date(lastCheck)));
            }
        }
        return new LinkHealthReport(realm, now, directoryLoaded, verificationPeriodDays, changeWindowDays,
                accounts.size(), linked, notLinked.section(), absent.section(), professionChanged.section(),
                notRechecked.section());
    }

    private static List<AccountLink> sorted(List<AccountLink> accounts) {
        List<AccountLink> sorted = new ArrayList<>(accounts);
        sorted.sort(Comparator.comparing(AccountLink::username, Comparator.nullsLast(Comparator.naturalOrder())));
        return sorted;
    }

    private static LinkHealthReport.Entry entry(AccountLink account, String detail) {
        String name = ((account.firstName() == null ? "" : account.firstName()) + " "
                + (account.lastName() == null ? "" : account.lastName())).trim();
        Long lastCheck = account.idNat() == null ? null : lastCheck(account);
        return new LinkHealthReport.Entry(account.userId(), account.username(), name, account.idNat(),
                account.enabled(), lastCheck == null ? null : Instant.ofEpochMilli(lastCheck).toString(), detail);
    }

    /**
     * The later of the last import that found the idNat_PS in RPPS and the account's opening from the
     * directory's record (an account opened yesterday has not met an import yet, but was checked then).
     */
    static Long lastCheck(AccountLink account) {
        Long linkedAt = parse(account.linkedAt());
        if (account.checkedAt() == null) {
            return linkedAt;
        }
        return linkedAt == null ? account.checkedAt() : Math.max(linkedAt, account.checkedAt());
    }

    private static Long parse(String instant) {
        if (instant == null) {
            return null;
        }
        try {
            return Instant.parse(instant).toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String date(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atZone(ZONE).toLocalDate().toString();
    }

    private final class Collector {
        private final List<LinkHealthReport.Entry> entries = new ArrayList<>();
        private long total;

        void add(LinkHealthReport.Entry entry) {
            total++;
            if (entries.size() < listLimit) {
                entries.add(entry);
            }
        }

        LinkHealthReport.Section<LinkHealthReport.Entry> section() {
            return new LinkHealthReport.Section<>(total, entries);
        }
    }
}
