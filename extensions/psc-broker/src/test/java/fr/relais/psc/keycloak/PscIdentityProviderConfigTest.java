package fr.relais.psc.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import fr.relais.psc.domain.EidasLevel;
import fr.relais.psc.domain.PscEnvironment;

class PscIdentityProviderConfigTest {

    @Test
    void pscSettingsAreDerivedAndCannotBeWeakened() {
        PscIdentityProviderConfig config = new PscIdentityProviderConfig();
        config.getConfig().put(PscIdentityProviderConfig.ENVIRONMENT, "sandbox");
        config.setDefaultScope("openid");
        config.setPkceEnabled(false);
        config.setDisableNonce(true);
        config.setValidateSignature(false);
        config.applyPscSettings();

        assertThat(config.environment()).isEqualTo(PscEnvironment.SANDBOX);
        assertThat(config.getAuthorizationUrl()).isEqualTo("https://wallet.bas.psc.esante.gouv.fr/auth");
        assertThat(config.getIssuer()).isEqualTo("https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet");
        assertThat(config.getTokenUrl()).endsWith("/esante-wallet/protocol/openid-connect/token");
        assertThat(config.getJwksUrl()).endsWith("/esante-wallet/protocol/openid-connect/certs");
        assertThat(config.getLogoutUrl()).endsWith("/esante-wallet/protocol/openid-connect/logout");
        assertThat(config.getDefaultScope()).isEqualTo("openid scope_all");
        assertThat(config.isPkceEnabled()).isTrue();
        assertThat(config.getPkceMethod()).isEqualTo("S256");
        assertThat(config.isDisableNonce()).isFalse();
        assertThat(config.isValidateSignature()).isTrue();
        assertThat(config.isUseJwksUrl()).isTrue();
        assertThat(config.isBackchannelSupported()).isFalse();
        assertThat(config.isSendIdTokenOnLogout()).isTrue();
        assertThat(config.getForwardParameters()).isEmpty();
        assertThat(config.getClientAuthMethod()).isEqualTo("client_secret_basic");
    }

    @Test
    void defaultsAreProductionEidas1AndFiveSeconds() {
        PscIdentityProviderConfig config = new PscIdentityProviderConfig();
        assertThat(config.environment()).isEqualTo(PscEnvironment.PRODUCTION);
        assertThat(config.minimumAcr()).isEqualTo(EidasLevel.EIDAS1);
        assertThat(config.acrValues()).isEqualTo("eidas1");
        assertThat(config.httpTimeoutMillis()).isEqualTo(5_000);
        config.getConfig().put(PscIdentityProviderConfig.HTTP_TIMEOUT_MILLIS, "oops");
        assertThat(config.httpTimeoutMillis()).isEqualTo(5_000);
    }

    @Test
    void customEnvironmentNeedsHttpsExceptOnThisMachine() {
        PscIdentityProviderConfig config = custom("http://localhost:8090/auth/realms/esante-wallet", "http://127.0.0.1:8091/auth");
        config.validate(null);
        assertThatThrownBy(() -> custom("http://psc.example/auth/realms/esante-wallet", "https://wallet.example/auth").validate(null))
                .hasMessageContaining("https");
        assertThatThrownBy(() -> custom("", "https://wallet.example/auth").validate(null)).hasMessageContaining("issuer");
    }

    @Test
    void mutualTlsNeedsAKeystoreAndUnknownValuesAreRejected() {
        PscIdentityProviderConfig config = custom("https://psc.example/auth/realms/esante-wallet", "https://wallet.example/auth");
        config.getConfig().put(PscIdentityProviderConfig.CLIENT_AUTHENTICATION, "tls_client_auth");
        assertThatThrownBy(() -> config.validate(null)).hasMessageContaining("keystore");
        config.getConfig().put(PscIdentityProviderConfig.TLS_KEYSTORE, "/etc/relais/psc-org.p12");
        config.validate(null);
        config.applyPscSettings();
        assertThat(config.getClientAuthMethod()).as("a value Keycloak can read").isEqualTo("client_secret_post");

        config.getConfig().put(PscIdentityProviderConfig.CLIENT_AUTHENTICATION, "private_key_jwt");
        assertThatThrownBy(() -> config.validate(null)).hasMessageContaining("private_key_jwt");
        config.getConfig().put(PscIdentityProviderConfig.CLIENT_AUTHENTICATION, "client_secret_post");
        config.getConfig().put(PscIdentityProviderConfig.MINIMUM_ACR, "eidas0");
        assertThatThrownBy(() -> config.validate(null)).hasMessageContaining("minimum acr");
    }

    private static PscIdentityProviderConfig custom(String issuer, String authorize) {
        PscIdentityProviderConfig config = new PscIdentityProviderConfig();
        config.getConfig().put(PscIdentityProviderConfig.ENVIRONMENT, "custom");
        config.getConfig().put(PscIdentityProviderConfig.CUSTOM_ISSUER, issuer);
        config.getConfig().put(PscIdentityProviderConfig.CUSTOM_AUTHORIZATION_URL, authorize);
        config.setClientId("relais");
        return config;
    }
}
