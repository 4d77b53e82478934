package fr.relais.rpps.keycloak.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.Config;

class RppsEntityProviderFactoryTest {

    private static final String PREFIX = "relais-rpps-factory-test.";

    @AfterEach
    void clearOptions() {
        System.clearProperty(PREFIX + RppsEntityProviderFactory.CACHE_SECONDS);
        System.clearProperty(PREFIX + RppsEntityProviderFactory.CACHE_ENTRIES);
    }

    @Test
    void theProfessionalCacheIsOnByDefault() {
        assertThat(initialised().professionals().enabled()).isTrue();
    }

    @Test
    void zeroSecondsTurnsTheProfessionalCacheOff() {
        System.setProperty(PREFIX + RppsEntityProviderFactory.CACHE_SECONDS, "0");

        assertThat(initialised().professionals().enabled()).isFalse();
    }

    @Test
    void negativeSecondsOrNoRoomAreRefusedAtStart() {
        System.setProperty(PREFIX + RppsEntityProviderFactory.CACHE_SECONDS, "-1");
        assertThatThrownBy(this::initialised).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("professional-cache-seconds");

        System.setProperty(PREFIX + RppsEntityProviderFactory.CACHE_SECONDS, "60");
        System.setProperty(PREFIX + RppsEntityProviderFactory.CACHE_ENTRIES, "0");
        assertThatThrownBy(this::initialised).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("professional-cache-entries");
    }

    private RppsEntityProviderFactory initialised() {
        RppsEntityProviderFactory factory = new RppsEntityProviderFactory();
        factory.init(new Config.SystemPropertiesScope(PREFIX));
        return factory;
    }
}
