package fr.relais.continuity.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

class TargetSettingTest {

    @Test
    void unsetMeansTheDefault() {
        assertThat(TargetSetting.parse(null, "auto").auto()).isTrue();
        assertThat(TargetSetting.parse("  ", "none").monitored()).isFalse();
    }

    @Test
    void autoAndNoneInAnyCase() {
        assertThat(TargetSetting.parse("AUTO", "none").auto()).isTrue();
        TargetSetting none = TargetSetting.parse("None", "auto");
        assertThat(none.auto()).isFalse();
        assertThat(none.urls()).isEmpty();
    }

    @Test
    void listsAreCommaSeparatedHttpUrls() {
        TargetSetting setting = TargetSetting.parse(" https://a.test/x , http://b.test:8080/y ", "auto");
        assertThat(setting.urls()).containsExactly(URI.create("https://a.test/x"), URI.create("http://b.test:8080/y"));
        assertThat(setting.monitored()).isTrue();
    }

    @Test
    void refusesWhatCannotBeProbed() {
        assertThatThrownBy(() -> TargetSetting.parse("ftp://a.test/x", "auto")).hasMessageContaining("http(s)");
        assertThatThrownBy(() -> TargetSetting.parse("/relative", "auto")).hasMessageContaining("http(s)");
        assertThatThrownBy(() -> TargetSetting.parse("https://a b", "auto")).hasMessageContaining("Invalid probe URL");
    }

    @Test
    void noneInsideAListIsIgnored() {
        // The card login accepts "none" in its crl-urls; the same value read for "auto" must not break.
        assertThat(TargetSetting.parseUrls("none")).isEmpty();
        assertThat(TargetSetting.parseUrls("https://a.test/x,none")).hasSize(1);
    }
}
