package fr.relais.pscsim;

/**
 * A validated authorization request, kept while the person picks an identity.
 *
 * @param clientId the client
 * @param redirectUri the checked redirect_uri
 * @param scope the requested scope, as sent
 * @param state echoed back
 * @param nonce put in the ID token
 * @param codeChallenge PKCE challenge, or null
 * @param codeChallengeMethod "S256" or "plain", or null
 * @param requestedAcr the lowest eIDAS level acr_values asks for ("eidas1" when absent)
 * @param loginHint the login_hint, or null
 * @param prompt the prompt parameter, or null
 * @param acrOverride the simulator-only {@code acr} parameter (with login_hint), or null
 * @param authModeOverride the simulator-only {@code auth_mode} parameter (with login_hint), or null
 */
record AuthorizationRequest(String clientId, String redirectUri, String scope, String state, String nonce,
        String codeChallenge, String codeChallengeMethod, String requestedAcr, String loginHint, String prompt,
        String acrOverride, String authModeOverride) {
}
