package fr.relais.psc.keycloak;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.broker.oidc.AbstractOAuth2IdentityProvider;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.oidc.mappers.AbstractJsonUserAttributeMapper;
import org.keycloak.broker.provider.AuthenticationRequest;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.IdentityBrokerException;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.http.simple.SimpleHttpRequest;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.representations.IDToken;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.util.JsonSerialization;

import com.fasterxml.jackson.databind.JsonNode;

import fr.relais.psc.domain.AcrPolicy;
import fr.relais.psc.domain.AuthMode;

/**
 * Pro Santé Connect on top of Keycloak's OpenID Connect broker. Keycloak keeps doing what it does well
 * (state, PKCE, nonce, signature checks with keys from its public-key cache, token storage, refresh,
 * browser logout); this class adds what PSC needs: its endpoints, {@code acr_values}, a minimum eIDAS
 * level, userinfo as JSON or as a signed JWT, the national identifier as the federated identity, its
 * own HTTP client (timeouts, tls_client_auth), and a clear refusal for every failure instead of
 * Keycloak's generic "unexpected error" page.
 */
public final class PscIdentityProvider extends OIDCIdentityProvider {

    private static final Logger LOG = Logger.getLogger(PscIdentityProvider.class);
    /** Where Keycloak's OIDC broker keeps the nonce it sent (a private constant there). */
    private static final String BROKER_NONCE_NOTE = "BROKER_NONCE";
    static final String SUBJECT_NAME_ID = "SubjectNameID";
    /** Context data: what the checks found, for the session notes and the login event. */
    static final String CONTEXT_ACR = "relais.psc.acr";
    static final String CONTEXT_AUTH_MODE = "relais.psc.authMode";

    private final PscIdentityProviderConfig pscConfig;

    public PscIdentityProvider(KeycloakSession session, PscIdentityProviderConfig config) {
        super(session, prepared(config));
        this.pscConfig = config;
    }

    private static PscIdentityProviderConfig prepared(PscIdentityProviderConfig config) {
        config.applyPscSettings();
        return config;
    }

    PscIdentityProviderConfig pscConfig() {
        return pscConfig;
    }

    @Override
    public Object callback(RealmModel realm, AuthenticationCallback callback, EventBuilder event) {
        return new PscEndpoint(callback, realm, event, this);
    }

    @Override
    protected UriBuilder createAuthorizationUrl(AuthenticationRequest request) {
        return super.createAuthorizationUrl(request).queryParam(OAuth2Constants.ACR_VALUES, pscConfig.acrValues());
    }

    @Override
    public SimpleHttpRequest authenticateTokenRequest(SimpleHttpRequest tokenRequest) {
        if (pscConfig.clientAuthentication() == PscIdentityProviderConfig.ClientAuthentication.TLS_CLIENT_AUTH) {
            // RFC 8705: the certificate in the TLS handshake authenticates; the form only names the client.
            return tokenRequest.param(OAUTH2_PARAMETER_CLIENT_ID, pscConfig.getClientId());
        }
        return super.authenticateTokenRequest(tokenRequest);
    }

    /** Refreshes (for token relay and logout) go through the PSC client too. */
    @Override
    protected SimpleHttpRequest getRefreshTokenRequest(KeycloakSession session, String refreshToken, String clientId,
                                                       String clientSecret) {
        return http().post(super.getRefreshTokenRequest(session, refreshToken, clientId, clientSecret));
    }

    /** Userinfo is fetched here, through the PSC client, after the ID token checks (see below). */
    @Override
    protected String getUserInfoUrl() {
        return null;
    }

    PscHttp http() {
        return PscHttp.forConfig(session, pscConfig);
    }

    /** The token request, sent and judged; returns the token response body. */
    String exchangeCode(SimpleHttpRequest tokenRequest) {
        PscHttp.Answer answer = PscHttp.send(http().post(tokenRequest), "token");
        if (answer.status() >= 500) {
            throw new PscLoginException(PscFailure.SERVER_ERROR, "token endpoint answered " + answer.status())
                    .detail("psc_endpoint", "token").detail("psc_status", Integer.toString(answer.status()));
        }
        if (!answer.ok()) {
            throw new PscLoginException(PscFailure.REJECTED, "token endpoint answered " + answer.status() + ": "
                    + abbreviate(answer.body()))
                    .detail("psc_endpoint", "token").detail("psc_status", Integer.toString(answer.status()));
        }
        return answer.body();
    }

    /**
     * Checks the token response the way PSC needs, then lets Keycloak build the identity, then fetches
     * userinfo. Each check has its own failure so the event says exactly what was wrong.
     */
    @Override
    public BrokeredIdentityContext getFederatedIdentity(String response) {
        AccessTokenResponse tokens;
        try {
            tokens = JsonSerialization.readValue(response, AccessTokenResponse.class);
        } catch (IOException | RuntimeException e) {
            throw new PscLoginException(PscFailure.INVALID_RESPONSE, "token response is not JSON");
        }
        if (tokens.getToken() == null || tokens.getIdToken() == null) {
            throw new PscLoginException(PscFailure.INVALID_RESPONSE, "token response without access_token or id_token");
        }
        IDToken idToken = checkIdToken(tokens.getIdToken());

        BrokeredIdentityContext identity;
        try {
            identity = super.getFederatedIdentity(response);
        } catch (IdentityBrokerException e) {
            throw new PscLoginException(PscFailure.INVALID_RESPONSE, "ID token refused: " + e.getMessage());
        }

        JsonNode userInfo = fetchUserInfo(tokens.getToken());
        String userInfoSubject = text(userInfo, "sub");
        if (userInfoSubject == null || !userInfoSubject.equals(idToken.getSubject())) {
            throw new PscLoginException(PscFailure.INCONSISTENT_IDENTITY, "userinfo sub differs from the ID token's");
        }
        String idNat = nationalId(idToken, userInfo);

        // The national identifier, not PSC's "f:<uuid>:<idNat>" subject, keys the link: it is the
        // professional's, while the prefix belongs to PSC's internal federation.
        identity.setId(idNat);
        identity.setBrokerUserId(pscConfig.getAlias() + "." + idNat);
        identity.setUsername(idNat);
        Optional.ofNullable(text(userInfo, "given_name")).ifPresent(identity::setFirstName);
        Optional.ofNullable(text(userInfo, "family_name")).ifPresent(identity::setLastName);
        AbstractJsonUserAttributeMapper.storeUserProfileForMapper(identity, userInfo, pscConfig.getAlias());
        identity.getContextData().put(CONTEXT_ACR, idToken.getAcr());
        identity.getContextData().put(CONTEXT_AUTH_MODE, PscClaims.authMode(userInfo, idToken));
        return identity;
    }

    private IDToken checkIdToken(String encoded) {
        JWSInput jws;
        IDToken token;
        try {
            jws = new JWSInput(encoded);
            token = jws.readJsonContent(IDToken.class);
        } catch (JWSInputException | RuntimeException e) {
            throw new PscLoginException(PscFailure.INVALID_RESPONSE, "ID token is not a JWS");
        }
        if (!verifySignature(jws)) {
            throw new PscLoginException(PscFailure.BAD_SIGNATURE, "ID token signature does not verify with PSC's keys")
                    .detail("kid", jws.getHeader().getKeyId());
        }
        String issuer = pscConfig.endpoints().issuer();
        if (!issuer.equals(token.getIssuer())) {
            throw new PscLoginException(PscFailure.WRONG_ISSUER, "ID token iss is " + token.getIssuer())
                    .detail("psc_iss", token.getIssuer());
        }
        if (!token.hasAudience(pscConfig.getClientId())) {
            throw new PscLoginException(PscFailure.WRONG_AUDIENCE, "ID token is not for client " + pscConfig.getClientId());
        }
        if (!token.isActive(pscConfig.getAllowedClockSkew())) {
            throw new PscLoginException(PscFailure.EXPIRED_TOKEN, "ID token expired or not yet valid");
        }
        AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
        String expectedNonce = authSession == null ? null : authSession.getClientNote(BROKER_NONCE_NOTE);
        if (expectedNonce == null || !expectedNonce.equals(token.getNonce())) {
            throw new PscLoginException(PscFailure.WRONG_NONCE, "ID token nonce does not match the request");
        }
        AcrPolicy policy = pscConfig.acrPolicy();
        Optional<AcrPolicy.Verdict> verdict = policy.check(token.getAcr());
        if (verdict.isPresent()) {
            throw new PscLoginException(PscFailure.ACR_TOO_LOW, "acr " + token.getAcr() + " refused ("
                    + verdict.get().name().toLowerCase(Locale.ROOT) + "), minimum " + policy.minimum().acr())
                    .detail(PscEventDetails.PSC_ACR, String.valueOf(token.getAcr()))
                    .detail("psc_minimum_acr", policy.minimum().acr())
                    .detail(PscEventDetails.ID_NAT_PS, stringClaim(token, SUBJECT_NAME_ID));
        }
        return token;
    }

    /** Userinfo as JSON, or as a JWT signed with PSC's keys (from Keycloak's cache) for this client. */
    private JsonNode fetchUserInfo(String accessToken) {
        String url = pscConfig.endpoints().userInfoUrl();
        PscHttp.Answer answer = PscHttp.send(http().get(url)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json, application/jwt"), "userinfo");
        if (answer.status() >= 500) {
            throw new PscLoginException(PscFailure.SERVER_ERROR, "userinfo answered " + answer.status())
                    .detail("psc_endpoint", "userinfo").detail("psc_status", Integer.toString(answer.status()));
        }
        if (!answer.ok()) {
            throw new PscLoginException(PscFailure.REJECTED, "userinfo answered " + answer.status())
                    .detail("psc_endpoint", "userinfo").detail("psc_status", Integer.toString(answer.status()));
        }
        String type = answer.contentType() == null ? "" : answer.contentType().toLowerCase(Locale.ROOT);
        try {
            if (type.startsWith("application/jwt")) {
                JsonNode claims = JsonSerialization.readValue(
                        PscSignedUserInfo.content(body -> parseTokenInput(body, false), answer.body()), JsonNode.class);
                checkSignedUserInfo(claims);
                return claims;
            }
            if (type.startsWith("application/json")) {
                JsonNode claims = JsonSerialization.readValue(answer.body(), JsonNode.class);
                if (claims == null || !claims.isObject()) {
                    throw new IOException("not an object");
                }
                return claims;
            }
        } catch (IOException e) {
            throw new PscLoginException(PscFailure.INVALID_RESPONSE, "userinfo is not valid JSON")
                    .detail("psc_endpoint", "userinfo");
        }
        throw new PscLoginException(PscFailure.INVALID_RESPONSE, "userinfo content type " + answer.contentType())
                .detail("psc_endpoint", "userinfo");
    }

    /** A signed userinfo must come from PSC and be meant for this client (OIDC Core §5.3.2). */
    private void checkSignedUserInfo(JsonNode claims) {
        String issuer = text(claims, "iss");
        if (issuer != null && !issuer.equals(pscConfig.endpoints().issuer())) {
            throw new PscLoginException(PscFailure.WRONG_ISSUER, "signed userinfo iss is " + issuer)
                    .detail("psc_endpoint", "userinfo").detail("psc_iss", issuer);
        }
        JsonNode audience = claims.get("aud");
        if (audience != null) {
            boolean ours = audience.isArray()
                    ? java.util.stream.StreamSupport.stream(audience.spliterator(), false)
                            .anyMatch(a -> pscConfig.getClientId().equals(a.asText()))
                    : pscConfig.getClientId().equals(audience.asText());
            if (!ours) {
                throw new PscLoginException(PscFailure.WRONG_AUDIENCE, "signed userinfo is for another client")
                        .detail("psc_endpoint", "userinfo");
            }
        }
    }

    /**
     * {@code SubjectNameID} is the idNat_PS. The ID token and userinfo must agree when both carry it;
     * {@code preferred_username} (the same value at PSC) is the fallback.
     */
    private static String nationalId(IDToken idToken, JsonNode userInfo) {
        String fromUserInfo = text(userInfo, SUBJECT_NAME_ID);
        String fromIdToken = stringClaim(idToken, SUBJECT_NAME_ID);
        if (fromUserInfo != null && fromIdToken != null && !fromUserInfo.equals(fromIdToken)) {
            throw new PscLoginException(PscFailure.INCONSISTENT_IDENTITY, "SubjectNameID differs between ID token and userinfo");
        }
        String idNat = fromUserInfo != null ? fromUserInfo
                : fromIdToken != null ? fromIdToken
                : text(userInfo, "preferred_username");
        if (idNat == null || idNat.isBlank()) {
            throw new PscLoginException(PscFailure.NO_NATIONAL_ID, "no SubjectNameID in the PSC answer");
        }
        return idNat.trim();
    }

    /** Session notes for the tokens (acr/amr mapper) and for reports, once Keycloak checked the nonce. */
    @Override
    public void preprocessFederatedIdentity(KeycloakSession session, RealmModel realm, BrokeredIdentityContext context) {
        super.preprocessFederatedIdentity(session, realm, context);
        String acr = (String) context.getContextData().get(CONTEXT_ACR);
        String authMode = (String) context.getContextData().get(CONTEXT_AUTH_MODE);
        if (acr == null) {
            return;  // not a browser login through PscEndpoint (e.g. a token exchange)
        }
        PscSessionNotes.put(context, PscEventDetails.NOTE_ACR, PscEventDetails.ACR_MIE_2FA);
        PscSessionNotes.put(context, PscEventDetails.NOTE_AMR, String.join(" ", AuthMode.amr(authMode)));
        PscSessionNotes.put(context, PscEventDetails.NOTE_MEANS, PscEventDetails.MEANS_PSC);
        PscSessionNotes.put(context, PscEventDetails.NOTE_PSC_ACR, acr);
        PscSessionNotes.put(context, PscEventDetails.NOTE_PSC_AUTH_MODE, authMode);
        PscSessionNotes.put(context, PscEventDetails.NOTE_ID_NAT_PS, context.getId());
    }

    @Override
    public void authenticationFinished(AuthenticationSessionModel authSession, BrokeredIdentityContext context) {
        super.authenticationFinished(authSession, context);
        PscSessionNotes.applyTo(authSession, context);
    }

    /** Logs the refusal as an event and sends the professional back to the login page with the reason. */
    Response refuse(EventBuilder event, AuthenticationCallback callback, PscLoginException refusal) {
        LOG.warnf("Pro Santé Connect login refused (%s): %s", refusal.failure().eventError, refusal.getMessage());
        // A refused link is reported as Keycloak reports its own linking failures (FEDERATED_IDENTITY_LINK_ERROR).
        EventType type = refusal.failure() == PscFailure.LINK_REFUSED
                ? EventType.FEDERATED_IDENTITY_LINK : EventType.IDENTITY_PROVIDER_LOGIN;
        EventBuilder failed = event.clone().event(type)
                .detail(Details.IDENTITY_PROVIDER, pscConfig.getAlias())
                .detail(PscEventDetails.MEANS, PscEventDetails.MEANS_PSC)
                .detail(PscEventDetails.REASON, refusal.getMessage());
        refusal.details().forEach(failed::detail);
        if (refusal.userId() != null) {
            failed.user(refusal.userId());
        }
        failed.error(refusal.failure().eventError);
        return callback.error(pscConfig, refusal.failure().messageKey);
    }

    /** What the successful login event records about PSC. */
    static void describe(EventBuilder event, BrokeredIdentityContext identity) {
        event.detail(PscEventDetails.MEANS, PscEventDetails.MEANS_PSC)
                .detail(PscEventDetails.ID_NAT_PS, identity.getId())
                .detail(PscEventDetails.PSC_ACR, String.valueOf(identity.getContextData().get(CONTEXT_ACR)))
                .detail(PscEventDetails.PSC_AUTH_MODE, String.valueOf(identity.getContextData().get(CONTEXT_AUTH_MODE)));
    }

    private static String text(JsonNode node, String field) {
        return PscClaims.text(node, field);
    }

    private static String stringClaim(IDToken token, String name) {
        Object value = token.getOtherClaims().get(name);
        return value instanceof String s && !s.isEmpty() ? s : null;
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    /**
     * The broker callback for PSC. For an authorization code it runs the exchange itself so that every
     * failure becomes a {@link PscFailure}; anything else (PSC's own error, a missing state) stays with
     * Keycloak, and so does {@code logout_response}.
     */
    static final class PscEndpoint extends OIDCEndpoint {

        private final PscIdentityProvider provider;

        PscEndpoint(AuthenticationCallback callback, RealmModel realm, EventBuilder event, PscIdentityProvider provider) {
            super(callback, realm, event, provider);
            this.provider = provider;
        }

        @GET
        @Override
        public Response authResponse(@QueryParam(AbstractOAuth2IdentityProvider.OAUTH2_PARAMETER_STATE) String state,
                                     @QueryParam(AbstractOAuth2IdentityProvider.OAUTH2_PARAMETER_CODE) String authorizationCode,
                                     @QueryParam(OAuth2Constants.ERROR) String error,
                                     @QueryParam(OAuth2Constants.ERROR_DESCRIPTION) String errorDescription) {
            if (state == null || error != null || authorizationCode == null) {
                return super.authResponse(state, authorizationCode, error, errorDescription);
            }
            AuthenticationSessionModel authSession;
            try {
                authSession = callback.getAndVerifyAuthenticationSession(state);
            } catch (WebApplicationException e) {
                return e.getResponse();
            }
            session.getContext().setAuthenticationSession(authSession);
            try {
                String response = provider.exchangeCode(generateTokenRequest(authorizationCode));
                BrokeredIdentityContext identity = provider.getFederatedIdentity(response);
                if (Boolean.TRUE.equals(provider.pscConfig().isStoreToken()) && identity.getToken() == null) {
                    identity.setToken(response);
                }
                identity.setIdp(provider);
                identity.setAuthenticationSession(authSession);
                // Before Keycloak sees the identity: for a linking request it links without further checks.
                PscAccountLinkGuard.check(session, realm, authSession, identity.getId());
                describe(event, identity);
                return callback.authenticated(identity);
            } catch (PscLoginException refusal) {
                return provider.refuse(event, callback, refusal);
            }
        }
    }
}
