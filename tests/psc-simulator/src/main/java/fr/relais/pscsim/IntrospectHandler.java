package fr.relais.pscsim;

import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token introspection (RFC 7662) as PSC describes it: POST with client authentication and {@code token}, an
 * access or a refresh token; {@code SubjectNameID} only for an access token.
 */
final class IntrospectHandler implements EndpointHandler {

    private final SimContext context;
    private final ClientAuthenticator authenticator;

    IntrospectHandler(SimContext context, ClientAuthenticator authenticator) {
        this.context = context;
        this.authenticator = authenticator;
    }

    @Override
    public void handle(Call call) throws IOException {
        if (!call.isPost()) {
            call.oauthError(405, "invalid_request", "The introspection endpoint takes POST");
            return;
        }
        try {
            authenticator.authenticate(call);
        } catch (ClientAuthenticator.Failure e) {
            call.oauthError(401, "invalid_client", e.getMessage());
            return;
        }
        String token = call.formParam("token");
        JWTClaimsSet access = context.tokens.verifyAccessToken(token);
        if (access != null) {
            Map<String, Object> body = new LinkedHashMap<>(access.toJSONObject());
            body.put("SubjectNameID", access.getClaim("preferred_username"));
            body.put("client_id", access.getClaim("azp"));
            body.put("username", access.getClaim("preferred_username"));
            body.put("token_type", "Bearer");
            body.put("active", true);
            call.sendJson(200, body);
            return;
        }
        Grants.RefreshGrant refresh = context.grants.peekRefreshToken(token);
        if (refresh != null && context.grants.activeSession(refresh.sessionId()) != null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("exp", refresh.expires().getEpochSecond());
            body.put("iat", refresh.issuedAt().getEpochSecond());
            body.put("iss", context.tokens.issuer());
            body.put("typ", "Refresh");
            body.put("azp", refresh.clientId());
            body.put("client_id", refresh.clientId());
            body.put("sid", refresh.sessionId());
            body.put("scope", refresh.scope());
            body.put("token_type", "Refresh");
            body.put("active", true);
            call.sendJson(200, body);
            return;
        }
        call.sendJson(200, Map.of("active", false));
    }
}
