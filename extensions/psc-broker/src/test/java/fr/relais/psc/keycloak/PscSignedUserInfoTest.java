package fr.relais.psc.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.keycloak.broker.provider.IdentityBrokerException;
import org.keycloak.jose.JOSEParser;

class PscSignedUserInfoTest {

    @Test
    void aBodyThatIsNotAJwtIsAnInvalidResponse() {
        // The same parser OIDCIdentityProvider.parseTokenInput starts with.
        assertThatThrownBy(() -> PscSignedUserInfo.content(body -> JOSEParser.parse(body).toString(), "garbage\n"))
                .isInstanceOfSatisfying(PscLoginException.class, e -> {
                    assertThat(e.failure()).isEqualTo(PscFailure.INVALID_RESPONSE);
                    assertThat(e.failure().messageKey).isEqualTo("relais.psc.error.invalidResponse");
                    assertThat(e.details()).containsEntry("psc_endpoint", "userinfo");
                });
    }

    @Test
    void aSignatureKeycloakRefusesIsUntrusted() {
        assertThatThrownBy(() -> PscSignedUserInfo.content(body -> {
            throw new IdentityBrokerException("token signature validation failed");
        }, "a.b.c")).isInstanceOfSatisfying(PscLoginException.class,
                e -> assertThat(e.failure()).isEqualTo(PscFailure.BAD_SIGNATURE));
    }

    @Test
    void theVerifiedPayloadIsReturned() {
        assertThat(PscSignedUserInfo.content(body -> body.equals("a.b.c") ? "{}" : null, " a.b.c ")).isEqualTo("{}");
    }
}
