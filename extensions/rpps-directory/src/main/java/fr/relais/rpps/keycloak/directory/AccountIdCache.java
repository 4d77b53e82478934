package fr.relais.rpps.keycloak.directory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import fr.relais.rpps.directory.TimeToLive;

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
    private final TimeToLive timeToLive;

    AccountIdCache(TimeToLive timeToLive) {
        this.timeToLive = timeToLive;
    }

    Optional<String> accountId(String realmId, String idNat, long nowMillis) {
        Entry entry = entries.get(key(realmId, idNat));
        if (entry == null) {
            return Optional.empty();
        }
        if (!timeToLive.live(entry.expiresAtMillis, nowMillis)) {
            entries.remove(key(realmId, idNat), entry);
            return Optional.empty();
        }
        return Optional.of(entry.accountId);
    }

    void remember(String realmId, String idNat, String accountId, long nowMillis) {
        if (!timeToLive.enabled()) {
            return;
        }
        if (entries.size() >= timeToLive.maxEntries()) {
            // A login-time cache, not a copy of the directory: past its bound, drop what has expired, and
            // everything if that is not enough (the next logins refill it with one query each).
            entries.values().removeIf(e -> !timeToLive.live(e.expiresAtMillis, nowMillis));
            if (entries.size() >= timeToLive.maxEntries()) {
                entries.clear();
            }
        }
        entries.put(key(realmId, idNat), new Entry(accountId, timeToLive.expiryFrom(nowMillis)));
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
