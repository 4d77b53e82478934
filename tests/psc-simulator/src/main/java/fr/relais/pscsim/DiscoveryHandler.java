package fr.relais.pscsim;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The discovery document, modelled on PSC's sandbox document (an ANS test mock of it), including its oddities:
 * private_key_jwt advertised though unsupported, {@code acr_values_supported: ["0","0"]}, PSC claims not listed.
 */
final class DiscoveryHandler implements EndpointHandler {

    private final SimContext context;

    DiscoveryHandler(SimContext context) {
        this.context = context;
    }

    @Override
    public void handle(Call call) throws IOException {
        call.sendJson(200, document());
    }

    Map<String, Object> document() {
        Addresses addresses = context.addresses();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", context.tokens.issuer(context.fault(), Endpoint.DISCOVERY));
        doc.put("authorization_endpoint", addresses.authorizationEndpoint());
        doc.put("token_endpoint", addresses.tokenEndpoint());
        doc.put("introspection_endpoint", addresses.introspectionEndpoint());
        doc.put("userinfo_endpoint", addresses.userinfoEndpoint());
        doc.put("end_session_endpoint", addresses.endSessionEndpoint());
        doc.put("jwks_uri", addresses.jwksUri());
        doc.put("grant_types_supported", List.of("authorization_code", "implicit", "refresh_token", "password",
                "client_credentials", "urn:openid:params:grant-type:ciba",
                "urn:ietf:params:oauth:grant-type:device_code"));
        doc.put("response_types_supported", List.of("code", "none", "id_token", "token", "id_token token",
                "code id_token", "code token", "code id_token token"));
        doc.put("subject_types_supported", List.of("public", "pairwise"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("userinfo_signing_alg_values_supported", List.of("RS256", "none"));
        doc.put("response_modes_supported", List.of("query", "fragment", "form_post"));
        // Real PSC lists private_key_jwt and client_secret_jwt but only honours the other three.
        doc.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt", "client_secret_basic",
                "client_secret_post", "tls_client_auth", "client_secret_jwt"));
        doc.put("introspection_endpoint_auth_methods_supported", List.of("private_key_jwt", "client_secret_basic",
                "client_secret_post", "tls_client_auth", "client_secret_jwt"));
        doc.put("claims_supported", List.of("aud", "sub", "iss", "auth_time", "name", "given_name", "family_name",
                "preferred_username", "email", "acr"));
        doc.put("claim_types_supported", List.of("normal"));
        doc.put("claims_parameter_supported", true);
        doc.put("scopes_supported", List.of("openid", "scope_all", "identity", "profile", "email", "rpps",
                "referentiel", "eidas1", "eidas2", "scope_1", "scope_2", "interop", "offline_access"));
        doc.put("request_parameter_supported", true);
        doc.put("request_uri_parameter_supported", true);
        doc.put("code_challenge_methods_supported", List.of("plain", "S256"));
        // The real document says this; it is useless, which is why relying parties must not read acr from here.
        doc.put("acr_values_supported", List.of("0", "0"));
        doc.put("tls_client_certificate_bound_access_tokens", true);
        Map<String, Object> aliases = new LinkedHashMap<>();
        aliases.put("token_endpoint", addresses.tokenEndpoint());
        aliases.put("introspection_endpoint", addresses.introspectionEndpoint());
        aliases.put("userinfo_endpoint", addresses.userinfoEndpoint());
        aliases.put("end_session_endpoint", addresses.endSessionEndpoint());
        doc.put("mtls_endpoint_aliases", aliases);
        doc.put("backchannel_logout_supported", true);
        doc.put("backchannel_logout_session_supported", true);
        doc.put("frontchannel_logout_supported", true);
        doc.put("frontchannel_logout_session_supported", true);
        return doc;
    }
}
