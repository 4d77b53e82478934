package fr.relais.psc.keycloak;

import org.keycloak.representations.IDToken;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reading PSC's claims. Kept apart from {@link PscIdentityProvider}, whose Keycloak superclass needs a
 * JAX-RS runtime just to load, so that these rules can be tested on their own.
 */
final class PscClaims {

    static final String AUTH_MODE = "authMode";

    private PscClaims() {
    }

    /** A claim's text; null when absent, null, empty or not a plain value. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isEmpty() ? null : text;
    }

    /**
     * {@code authMode} from userinfo, else from the ID token, else empty. A claim present with a null
     * value counts as absent: it says nothing about the means, and must not fail the login.
     */
    static String authMode(JsonNode userInfo, IDToken idToken) {
        String fromUserInfo = text(userInfo, AUTH_MODE);
        if (fromUserInfo != null) {
            return fromUserInfo;
        }
        Object fromIdToken = idToken.getOtherClaims().get(AUTH_MODE);
        return fromIdToken == null ? "" : fromIdToken.toString();
    }
}
