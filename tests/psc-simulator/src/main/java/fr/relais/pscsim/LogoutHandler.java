package fr.relais.pscsim;

import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.util.List;

/**
 * RP-initiated logout as PSC's Keycloak does it: {@code id_token_hint} (expired hints accepted),
 * {@code post_logout_redirect_uri} checked against the client, {@code state} sent back. Ends the PSC session,
 * revokes its refresh tokens and clears the browser cookie. Without a redirect URI, shows a "logged out" page.
 */
final class LogoutHandler implements EndpointHandler {

    private final SimContext context;
    private final LoginPage page;

    LogoutHandler(SimContext context) {
        this.context = context;
        this.page = new LoginPage(context);
    }

    @Override
    public void handle(Call call) throws IOException {
        String hint = call.param("id_token_hint");
        JWTClaimsSet hintClaims = null;
        if (hint != null) {
            hintClaims = context.tokens.verifyIdTokenHint(hint);
            if (hintClaims == null) {
                call.sendHtml(400, page.error("Déconnexion impossible", "Le jeton id_token_hint est invalide."));
                return;
            }
        }
        String clientId = call.param("client_id");
        if (hintClaims != null) {
            List<String> audience = hintClaims.getAudience();
            if (clientId != null && !audience.contains(clientId)) {
                call.sendHtml(400, page.error("Déconnexion impossible",
                        "Le client_id ne correspond pas au jeton id_token_hint."));
                return;
            }
            clientId = clientId != null ? clientId : audience.isEmpty() ? null : audience.get(0);
        }
        String redirectUri = call.param("post_logout_redirect_uri");
        ClientRegistration client = context.client(clientId);
        if (redirectUri != null && (client == null || !client.acceptsPostLogoutRedirectUri(redirectUri))) {
            call.sendHtml(400, page.error("Déconnexion impossible", client == null
                    ? "post_logout_redirect_uri exige id_token_hint ou client_id."
                    : "L'adresse de retour « " + redirectUri + " » n'est pas enregistrée pour " + clientId + "."));
            return;
        }

        String sessionId = hintClaims != null ? TokenService.stringClaim(hintClaims, "sid")
                : call.cookie(AuthorizeHandler.SESSION_COOKIE);
        if (sessionId != null) {
            context.grants.endSession(sessionId);
        }
        call.addHeader("Set-Cookie", AuthorizeHandler.SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
        if (redirectUri != null) {
            call.redirect(Urls.withParams(redirectUri, "state", call.param("state")));
        } else {
            call.sendHtml(200, page.loggedOut());
        }
    }
}
