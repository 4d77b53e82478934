package fr.relais.psc.keycloak;

import java.util.function.UnaryOperator;

import org.keycloak.broker.provider.IdentityBrokerException;

/** Turns what Keycloak's JWT parsing throws on a userinfo JWT into the PSC refusal it deserves. */
final class PscSignedUserInfo {

    private PscSignedUserInfo() {
    }

    /**
     * @param parser Keycloak's parsing and signature check (OIDCIdentityProvider.parseTokenInput)
     * @return the JWT's payload
     */
    static String content(UnaryOperator<String> parser, String body) {
        try {
            return parser.apply(body == null ? null : body.trim());
        } catch (IdentityBrokerException e) {
            throw new PscLoginException(PscFailure.BAD_SIGNATURE, "signed userinfo: " + e.getMessage())
                    .detail("psc_endpoint", "userinfo");
        } catch (RuntimeException e) {
            // Keycloak's JOSE parser rejects a body that is not a JWT at all with a bare RuntimeException:
            // an unusable answer, not a forged one, and it must not reach Keycloak's generic error page.
            throw new PscLoginException(PscFailure.INVALID_RESPONSE, "userinfo is not a JWT", e)
                    .detail("psc_endpoint", "userinfo");
        }
    }
}
