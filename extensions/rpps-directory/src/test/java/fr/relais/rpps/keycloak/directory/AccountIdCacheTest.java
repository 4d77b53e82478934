package fr.relais.rpps.keycloak.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import fr.relais.rpps.directory.TimeToLive;

class AccountIdCacheTest {

    private static final String REALM = "realm-1";
    private static final String ID_NAT = "810001234567";

    @Test
    void anAccountIsRememberedUntilItsTimeToLiveEnds() {
        AccountIdCache cache = cache(Duration.ofSeconds(300), 10);
        cache.remember(REALM, ID_NAT, "account-a", 1_000);

        assertThat(cache.accountId(REALM, ID_NAT, 1_000 + 299_999)).contains("account-a");
        assertThat(cache.accountId(REALM, ID_NAT, 1_000 + 300_000)).isEmpty();
        assertThat(cache.size()).as("an expired entry is dropped when met").isZero();
    }

    @Test
    void aClockThatWentBackDoesNotStretchTheTimeToLive() {
        AccountIdCache cache = cache(Duration.ofSeconds(300), 10);
        cache.remember(REALM, ID_NAT, "account-a", 1_000_000);

        assertThat(cache.accountId(REALM, ID_NAT, 1_000_000 - 1)).isEmpty();
    }

    @Test
    void realmsAndIdentifiersAreKeptApart() {
        AccountIdCache cache = cache(Duration.ofSeconds(300), 10);
        cache.remember(REALM, ID_NAT, "account-a", 0);

        assertThat(cache.accountId("realm-2", ID_NAT, 1)).isEmpty();
        assertThat(cache.accountId(REALM, "810001234568", 1)).isEmpty();
        assertThat(cache.accountId(REALM + ID_NAT.charAt(0), ID_NAT.substring(1), 1)).isEmpty();
    }

    @Test
    void aForgottenAccountIsLookedUpAgainAndANewerOneReplacesIt() {
        AccountIdCache cache = cache(Duration.ofSeconds(300), 10);
        cache.remember(REALM, ID_NAT, "account-a", 0);
        cache.forget(REALM, ID_NAT);
        assertThat(cache.accountId(REALM, ID_NAT, 1)).isEmpty();

        cache.remember(REALM, ID_NAT, "account-a", 0);
        cache.remember(REALM, ID_NAT, "account-b", 2);
        assertThat(cache.accountId(REALM, ID_NAT, 3)).contains("account-b");
    }

    @Test
    void zeroTimeToLiveRemembersNothing() {
        AccountIdCache cache = cache(Duration.ZERO, 10);
        cache.remember(REALM, ID_NAT, "account-a", 0);

        assertThat(cache.accountId(REALM, ID_NAT, 0)).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void theBoundFirstDropsExpiredEntriesThenEverything() {
        AccountIdCache cache = cache(Duration.ofMillis(100), 3);
        cache.remember(REALM, "1", "a", 0);
        cache.remember(REALM, "2", "b", 0);
        cache.remember(REALM, "3", "c", 50);

        cache.remember(REALM, "4", "d", 120);  // "1" and "2" have expired: only they go
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.accountId(REALM, "3", 120)).contains("c");

        cache.remember(REALM, "5", "e", 121);
        cache.remember(REALM, "6", "f", 122);  // full and nothing expired: start afresh
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.accountId(REALM, "6", 122)).contains("f");
    }

    private static AccountIdCache cache(Duration timeToLive, int maxEntries) {
        return new AccountIdCache(TimeToLive.of(timeToLive, maxEntries));
    }
}
