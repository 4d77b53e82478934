package fr.relais.psc.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PscEnvironmentTest {

    @Test
    void productionUsesTheWalletHostAndTheNonStandardDiscoveryPath() {
        PscEndpoints prod = PscEnvironment.PRODUCTION.endpoints(null, null);
        assertThat(prod.issuer()).isEqualTo("https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet");
        assertThat(prod.authorizationUrl()).isEqualTo("https://wallet.esw.esante.gouv.fr/auth");
        assertThat(prod.discoveryUrl())
                .isEqualTo("https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet/.well-known/wallet-openid-configuration");
        assertThat(prod.tokenUrl()).isEqualTo(prod.issuer() + "/protocol/openid-connect/token");
        assertThat(prod.jwksUrl()).isEqualTo(prod.issuer() + "/protocol/openid-connect/certs");
        assertThat(prod.endSessionUrl()).isEqualTo(prod.issuer() + "/protocol/openid-connect/logout");
    }

    @Test
    void sandboxIsTheCurrentBasHost() {
        PscEndpoints bas = PscEnvironment.parse("bas").orElseThrow().endpoints("ignored", "ignored");
        assertThat(bas.issuer()).isEqualTo("https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet");
        assertThat(bas.authorizationUrl()).isEqualTo("https://wallet.bas.psc.esante.gouv.fr/auth");
    }

    @Test
    void customTakesTheConfiguredIssuerAndAuthorizeUrl() {
        PscEndpoints custom = PscEnvironment.parse(" Custom ").orElseThrow()
                .endpoints("http://localhost:8090/auth/realms/esante-wallet/", "http://localhost:8091/auth");
        assertThat(custom.issuer()).isEqualTo("http://localhost:8090/auth/realms/esante-wallet");
        assertThat(custom.userInfoUrl()).isEqualTo("http://localhost:8090/auth/realms/esante-wallet/protocol/openid-connect/userinfo");
        assertThat(custom.authorizationUrl()).isEqualTo("http://localhost:8091/auth");
        assertThatThrownBy(() -> PscEnvironment.CUSTOM.endpoints("", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownEnvironmentNamesAreNotGuessed() {
        assertThat(PscEnvironment.parse("prod")).contains(PscEnvironment.PRODUCTION);
        assertThat(PscEnvironment.parse("staging")).isEmpty();
        assertThat(PscEnvironment.parse(null)).isEmpty();
    }
}
