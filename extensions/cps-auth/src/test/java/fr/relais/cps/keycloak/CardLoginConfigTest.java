package fr.relais.cps.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;

class CardLoginConfigTest {

    @Test
    void ocspIsOffByDefaultWithTheCardsOwnResponderAndAShortTimeout() {
        CardLoginConfig config = new CardLoginConfig(null);
        assertThat(config.ocsp()).isFalse();
        assertThat(config.ocspResponder()).isNull();
        assertThat(config.ocspTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(CardLoginConfig.PROPERTIES).filteredOn(p -> p.getName().startsWith("relais.cps.ocsp"))
                .hasSize(3).allSatisfy(p -> assertThat(p.getHelpText()).hasSizeGreaterThan(80));
    }

    @Test
    void ocspSettingsAreReadAndTheTimeoutIsCapped() {
        CardLoginConfig config = config(Map.of(CardLoginConfig.OCSP, "true",
                CardLoginConfig.OCSP_RESPONDER_URL, " http://ocsp.example.test/ocsp ",
                CardLoginConfig.OCSP_TIMEOUT_MILLIS, "60000"));
        assertThat(config.ocsp()).isTrue();
        assertThat(config.ocspResponder()).isEqualTo(URI.create("http://ocsp.example.test/ocsp"));
        assertThat(config.ocspTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config(Map.of(CardLoginConfig.OCSP_TIMEOUT_MILLIS, "800")).ocspTimeout()).isEqualTo(Duration.ofMillis(800));
    }

    @Test
    void unusableOcspSettingsNameTheSetting() {
        for (String url : new String[] {"ldap://ocsp.example.test", "not a url", "file:///etc/passwd", "http:///path"}) {
            assertThatThrownBy(() -> config(Map.of(CardLoginConfig.OCSP_RESPONDER_URL, url)).ocspResponder())
                    .as(url).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(CardLoginConfig.OCSP_RESPONDER_URL);
        }
        for (String timeout : new String[] {"0", "-5", "1.5s"}) {
            assertThatThrownBy(() -> config(Map.of(CardLoginConfig.OCSP_TIMEOUT_MILLIS, timeout)).ocspTimeout())
                    .as(timeout).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(CardLoginConfig.OCSP_TIMEOUT_MILLIS);
        }
    }

    @Test
    void unusableCardTypesAndGraceNameTheSetting() {
        for (String types : new String[] {"cps", "CPS, CPE", "CPS##XYZ"}) {
            assertThatThrownBy(() -> config(Map.of(CardLoginConfig.ACCEPTED_CARD_TYPES, types)).policy())
                    .as(types).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(CardLoginConfig.ACCEPTED_CARD_TYPES);
        }
        for (String hours : new String[] {"72h", "-1", "99999999999999999999", "9223372036854775807"}) {
            assertThatThrownBy(() -> config(Map.of(CardLoginConfig.CRL_GRACE_HOURS, hours)).crlGrace())
                    .as(hours).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(CardLoginConfig.CRL_GRACE_HOURS);
        }
        assertThat(config(Map.of(CardLoginConfig.CRL_GRACE_HOURS, " 24 ")).crlGrace()).isEqualTo(Duration.ofHours(24));
    }

    private static CardLoginConfig config(Map<String, String> values) {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(values);
        return new CardLoginConfig(model);
    }
}
