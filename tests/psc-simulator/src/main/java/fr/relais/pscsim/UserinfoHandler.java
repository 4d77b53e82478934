package fr.relais.pscsim;

import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Userinfo: the full PSC claim set for the token's session, as JSON or as a signed JWT depending on the client
 * the token was issued to ({@link ClientRegistration#userinfoFormat()}).
 */
final class UserinfoHandler implements EndpointHandler {

    private final SimContext context;

    UserinfoHandler(SimContext context) {
        this.context = context;
    }

    @Override
    public void handle(Call call) throws IOException {
        String token = bearerToken(call);
        JWTClaimsSet claims = context.tokens.verifyAccessToken(token);
        SsoSession session = claims == null ? null
                : context.grants.activeSession(TokenService.stringClaim(claims, "sid"));
        if (session == null) {
            call.setHeader("WWW-Authenticate", "Bearer realm=\"esante-wallet\", error=\"invalid_token\"");
            call.oauthError(401, "invalid_token", token == null ? "Missing bearer token" : "Token verification failed");
            return;
        }
        Map<String, Object> userinfo = UserinfoClaims.of(session.professional(), session.authMode(),
                context.config.subjectPrefix());
        String clientId = TokenService.stringClaim(claims, "azp");
        ClientRegistration client = context.client(clientId);
        if (client != null && client.userinfoFormat() == UserinfoFormat.JWT) {
            call.sendBytes(200, "application/jwt",
                    context.tokens.signUserinfo(userinfo, clientId).getBytes(StandardCharsets.US_ASCII));
        } else {
            call.sendJson(200, userinfo);
        }
    }

    /** RFC 6750: the Authorization header, or the access_token form field of a POST. */
    private static String bearerToken(Call call) {
        String authorization = call.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return call.isPost() ? call.formParam("access_token") : null;
    }
}
