package fr.relais.rpps.keycloak.directory;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which account an idNat_PS resolved to, per realm, remembered for a short time so that a card or PSC
 * login of an account not named by its idNat_PS (created by hand or by HR) does not query the user table
 * twice on every login. Keycloak's user cache answers a lookup by username or id, never a miss nor an
 * attribute search, and those two queries were most of the directory's share of a card login.
 * <p>
 * Only an account id is kept: the caller loads the account through Keycloak's user cache (invalidated
 * across the cluster) and checks that it still carries the idNat_PS before using it, so an account
 * deleted, disabled or whose idNat_PS was changed is never signed in from this cache. What the cache can
 * hide for up to its time to live is a second account given the same idNat_PS later (the ambiguity the
 * directory refuses): bounded, and logged at the next lookup that misses.
 */
final class AccountIdCache {

    private record Entry(String accountId, long expiresAtMillis) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long timeToLiveMillis;
    private final int maxEntries;

    /** @param timeToLive zero disables the cache */
    AccountIdCache(Duration timeToLive, int maxEntries) {
        if (timeToLive.isNegative() || maxEntries < 1) {
            throw new IllegalArgumentException("time to live must be positive or zero, size at least 1");
        }
        this.timeToLiveMillis = timeToLive.toMillis();
        this.maxEntries = maxEntries;
    }

    Optional<String> accountId(String realmId, String idNat, long nowMillis) {
        Entry entry = entries.get(key(realmId, idNat));
        if (entry == null) {
            return Optional.empty();
        }
        // Expired, or remembered "in the future": the wall clock went back (NTP, a resumed VM), and an entry
        // must not outlive its time to live because of it.
        if (entry.expiresAtMillis <= nowMillis || entry.expiresAtMillis - nowMillis > timeToLiveMillis) {
            entries.remove(key(realmId, idNat), entry);
            return Optional.empty();
        }
        return Optional.of(entry.accountId);
    }

    void remember(String realmId, String idNat, String accountId, long nowMillis) {
        if (timeToLiveMillis == 0) {
            return;
        }
        if (entries.size() >= maxEntries) {
            // A login-time cache, not a copy of the directory: past its bound, drop what has expired, and
            // everything if that is not enough (the next logins refill it with one query each).
            entries.values().removeIf(e -> e.expiresAtMillis <= nowMillis);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(key(realmId, idNat), new Entry(accountId, nowMillis + timeToLiveMillis));
    }

    void forget(String realmId, String idNat) {
        entries.remove(key(realmId, idNat));
    }

    int size() {
        return entries.size();
    }

    private static String key(String realmId, String idNat) {
        // NUL appears in neither a realm id nor an idNat_PS (the user profile allows [0-9A-Za-z/] only).
        return realmId + '\u0000' + idNat;
    }
}
