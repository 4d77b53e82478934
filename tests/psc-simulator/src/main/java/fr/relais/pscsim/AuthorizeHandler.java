package fr.relais.pscsim;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wallet's authorize endpoint. Checks the request like PSC (known client and redirect_uri first, shown as a
 * page; then response_type, scope, PKCE, reported to the redirect_uri), then logs someone in:
 * <ol>
 *   <li>{@code login_hint=<idNat>} of a known professional: at once, with the optional simulator-only
 *       {@code acr} and {@code auth_mode} parameters;</li>
 *   <li>else the {@link AutoLogin} set through the admin API, if any;</li>
 *   <li>else the browser's SSO session (cookie), unless {@code prompt=login} or it is below the requested acr;</li>
 *   <li>else {@code prompt=none} fails with login_required, and anything else gets the login page, whose form
 *       posts back here.</li>
 * </ol>
 */
final class AuthorizeHandler implements EndpointHandler {

    static final String SESSION_COOKIE = "PSCSIM_SESSION";
    static final String DEFAULT_AUTH_MODE = "CARD";

    private final SimContext context;
    private final LoginPage page;

    AuthorizeHandler(SimContext context) {
        this.context = context;
        this.page = new LoginPage(context);
    }

    @Override
    public void handle(Call call) throws IOException {
        if (call.isPost() && call.formParam("tx") != null) {
            handleLoginForm(call);
            return;
        }
        if (!call.isPost() && !call.method().equals("GET")) {
            call.sendText(405, "Method not allowed");
            return;
        }
        handleRequest(call);
    }

    private void handleRequest(Call call) throws IOException {
        String clientId = call.param("client_id");
        ClientRegistration client = context.client(clientId);
        if (client == null) {
            call.sendHtml(400, page.error("Client inconnu",
                    "Aucune application n'est enregistrée sous l'identifiant « " + nullToEmpty(clientId) + " »."));
            return;
        }
        String redirectUri = call.param("redirect_uri");
        if (!client.acceptsRedirectUri(redirectUri)) {
            // Never redirect to an unregistered URI: this is the one error shown to the person.
            call.sendHtml(400, page.error("Adresse de retour invalide",
                    "L'adresse de retour « " + nullToEmpty(redirectUri) + " » n'est pas enregistrée pour "
                            + client.clientId() + "."));
            return;
        }
        String state = call.param("state");
        String responseType = call.param("response_type");
        if (!"code".equals(responseType)) {
            redirectError(call, redirectUri, state, "unsupported_response_type",
                    "The simulator supports the authorization code flow only");
            return;
        }
        String responseMode = call.param("response_mode");
        if (responseMode != null && !responseMode.equals("query")) {
            redirectError(call, redirectUri, state, "invalid_request",
                    "The simulator supports response_mode=query only");
            return;
        }
        String scope = call.param("scope");
        List<String> scopes = scope == null ? List.of() : Arrays.asList(scope.trim().split("\\s+"));
        if (!scopes.contains("openid")) {
            redirectError(call, redirectUri, state, "invalid_scope", "The openid scope is required");
            return;
        }
        if (context.config.requireScopeAll() && !scopes.contains("scope_all")) {
            redirectError(call, redirectUri, state, "invalid_scope", "Pro Santé Connect requires scope_all");
            return;
        }
        String challenge = call.param("code_challenge");
        String method = call.param("code_challenge_method");
        if (challenge == null && method != null) {
            redirectError(call, redirectUri, state, "invalid_request", "code_challenge_method without code_challenge");
            return;
        }
        if (challenge != null) {
            method = method == null ? "plain" : method;
            if (!method.equals("S256") && !method.equals("plain")) {
                redirectError(call, redirectUri, state, "invalid_request", "Unsupported code_challenge_method");
                return;
            }
        }
        AuthorizationRequest request = new AuthorizationRequest(client.clientId(), redirectUri, scope, state,
                call.param("nonce"), challenge, challenge == null ? null : method,
                Acr.requested(call.param("acr_values")), call.param("login_hint"), call.param("prompt"),
                call.param("acr"), call.param("auth_mode"));
        authenticate(call, request);
    }

    private void authenticate(Call call, AuthorizationRequest request) throws IOException {
        Professional hinted = context.professional(request.loginHint());
        if (hinted != null) {
            String acr = request.acrOverride() != null ? request.acrOverride() : request.requestedAcr();
            String authMode = request.authModeOverride() != null ? request.authModeOverride() : DEFAULT_AUTH_MODE;
            approve(call, request, context.grants.openSession(hinted, authMode, acr));
            return;
        }
        AutoLogin auto = context.autoLogin();
        if (request.loginHint() == null && auto != null && context.professional(auto.idNat()) != null) {
            approve(call, request, context.grants.openSession(context.professional(auto.idNat()),
                    auto.authMode() != null ? auto.authMode() : DEFAULT_AUTH_MODE,
                    auto.acr() != null ? auto.acr() : request.requestedAcr()));
            return;
        }
        boolean forceLogin = hasPrompt(request, "login");
        SsoSession existing = context.grants.activeSession(call.cookie(SESSION_COOKIE));
        if (existing != null && !forceLogin && Acr.level(existing.acr()) >= Acr.level(request.requestedAcr())
                && (request.loginHint() == null || request.loginHint().equals(existing.professional().idNat()))) {
            approve(call, request, existing);
            return;
        }
        if (hasPrompt(request, "none")) {
            redirectError(call, request.redirectUri(), request.state(), "login_required", null);
            return;
        }
        String tx = context.grants.savePending(request);
        String notice = request.loginHint() == null ? null
                : "Aucun professionnel de démonstration n'a l'identifiant « " + request.loginHint() + " ».";
        call.sendHtml(200, page.render(tx, request, notice));
    }

    private void handleLoginForm(Call call) throws IOException {
        String tx = call.formParam("tx");
        AuthorizationRequest request = context.grants.peekPending(tx);
        if (request == null) {
            call.sendHtml(400, page.error("Demande expirée",
                    "Cette page de connexion a expiré. Retournez à l'application pour recommencer."));
            return;
        }
        if ("cancel".equals(call.formParam("action"))) {
            context.grants.dropPending(tx);
            redirectError(call, request.redirectUri(), request.state(), "access_denied", "Cancelled by the user");
            return;
        }
        Professional professional = context.professional(call.formParam("idNat"));
        if (professional == null) {
            call.sendHtml(200, page.render(tx, request, "Choisissez un professionnel dans la liste."));
            return;
        }
        String authMode = call.formParam("authMode");
        String acr = Acr.normalise(call.formParam("acr"));
        context.grants.dropPending(tx);
        approve(call, request, context.grants.openSession(professional,
                authMode == null || authMode.isBlank() ? DEFAULT_AUTH_MODE : authMode,
                acr == null ? request.requestedAcr() : acr));
    }

    /** Issues the code and sends the browser back, with the SSO cookie set. */
    private void approve(Call call, AuthorizationRequest request, SsoSession session) throws IOException {
        String code = context.grants.issueCode(request, session.id());
        String cookie = SESSION_COOKIE + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Lax"
                + (context.config.tls() != null ? "; Secure" : "");
        call.addHeader("Set-Cookie", cookie);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("state", request.state());
        params.put("session_state", session.id());
        // RFC 9207, as Keycloak sends it; corrupted too by a wrong-iss fault on authorize.
        params.put("iss", context.tokens.issuer(context.fault(), Endpoint.AUTHORIZE));
        params.put("code", code);
        call.redirect(Urls.withParams(request.redirectUri(), params));
    }

    private void redirectError(Call call, String redirectUri, String state, String error, String description)
            throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        params.put("error_description", description);
        params.put("state", state);
        params.put("iss", context.tokens.issuer());
        call.redirect(Urls.withParams(redirectUri, params));
    }

    private static boolean hasPrompt(AuthorizationRequest request, String value) {
        return request.prompt() != null && Arrays.asList(request.prompt().trim().split("\\s+")).contains(value);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
