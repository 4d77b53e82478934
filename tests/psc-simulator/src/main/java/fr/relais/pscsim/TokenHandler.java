package fr.relais.pscsim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** The token endpoint: authorization_code (with PKCE) and refresh_token, which rotates. */
final class TokenHandler implements EndpointHandler {

    private final SimContext context;
    private final ClientAuthenticator authenticator;

    TokenHandler(SimContext context, ClientAuthenticator authenticator) {
        this.context = context;
        this.authenticator = authenticator;
    }

    @Override
    public void handle(Call call) throws IOException {
        if (!call.isPost()) {
            call.oauthError(405, "invalid_request", "The token endpoint takes POST");
            return;
        }
        ClientAuthenticator.Authenticated client;
        try {
            client = authenticator.authenticate(call);
        } catch (ClientAuthenticator.Failure e) {
            if (e.basic()) {
                call.setHeader("WWW-Authenticate", "Basic realm=\"esante-wallet\"");
            }
            call.oauthError(401, "invalid_client", e.getMessage());
            return;
        }
        String grantType = call.formParam("grant_type");
        if ("authorization_code".equals(grantType)) {
            codeGrant(call, client);
        } else if ("refresh_token".equals(grantType)) {
            refreshGrant(call, client);
        } else {
            call.oauthError(400, "unsupported_grant_type", "Unsupported grant_type: " + grantType);
        }
    }

    private void codeGrant(Call call, ClientAuthenticator.Authenticated client) throws IOException {
        Grants.CodeGrant grant = context.grants.redeemCode(call.formParam("code"));
        if (grant == null) {
            call.oauthError(400, "invalid_grant", "Code not valid");
            return;
        }
        AuthorizationRequest request = grant.request();
        if (!request.clientId().equals(client.client().clientId())) {
            call.oauthError(400, "invalid_grant", "Code issued to another client");
            return;
        }
        if (!request.redirectUri().equals(call.formParam("redirect_uri"))) {
            call.oauthError(400, "invalid_grant", "Incorrect redirect_uri");
            return;
        }
        if (request.codeChallenge() != null
                && !pkceMatches(request.codeChallenge(), request.codeChallengeMethod(),
                        call.formParam("code_verifier"))) {
            call.oauthError(400, "invalid_grant", "PKCE verification failed");
            return;
        }
        SsoSession session = context.grants.activeSession(grant.sessionId());
        if (session == null) {
            call.oauthError(400, "invalid_grant", "Session not active");
            return;
        }
        respond(call, client, session, request.scope(), request.nonce());
    }

    private void refreshGrant(Call call, ClientAuthenticator.Authenticated client) throws IOException {
        Grants.RefreshGrant grant = context.grants.redeemRefreshToken(call.formParam("refresh_token"));
        if (grant == null) {
            call.oauthError(400, "invalid_grant", "Invalid refresh token");
            return;
        }
        if (!grant.clientId().equals(client.client().clientId())) {
            call.oauthError(400, "invalid_grant", "Refresh token issued to another client");
            return;
        }
        SsoSession session = context.grants.activeSession(grant.sessionId());
        if (session == null) {
            call.oauthError(400, "invalid_grant", "Session not active");
            return;
        }
        respond(call, client, session, grant.scope(), grant.nonce());
    }

    private void respond(Call call, ClientAuthenticator.Authenticated client, SsoSession session, String scope,
            String nonce) throws IOException {
        TokenService.Minted minted = context.tokens.mint(session, client.client(), scope, nonce,
                client.certificateThumbprint());
        Grants.RefreshGrant refresh = context.grants.issueRefreshToken(client.client().clientId(), scope, nonce,
                session.id(), client.certificateThumbprint());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", minted.accessToken());
        body.put("expires_in", context.config.accessTokenLifetime().toSeconds());
        body.put("refresh_expires_in", context.config.refreshTokenLifetime().toSeconds());
        body.put("refresh_token", refresh.token());
        body.put("token_type", "Bearer");
        body.put("id_token", minted.idToken());
        body.put("not-before-policy", 0);
        body.put("session_state", session.id());
        body.put("scope", scope);
        call.sendJson(200, body);
    }

    static boolean pkceMatches(String challenge, String method, String verifier) {
        if (verifier == null || verifier.length() < 43 || verifier.length() > 128) {
            return false;
        }
        if ("plain".equals(method)) {
            return MessageDigest.isEqual(challenge.getBytes(StandardCharsets.US_ASCII),
                    verifier.getBytes(StandardCharsets.US_ASCII));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            String computed = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                    challenge.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
