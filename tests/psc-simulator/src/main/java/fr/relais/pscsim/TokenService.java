package fr.relais.pscsim;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * Mints the access token, ID token and signed userinfo, with the claims of real PSC tokens, and applies the
 * token-corrupting faults (bad-signature, wrong-iss/aud/nonce, low-acr) of the endpoint that mints them.
 */
final class TokenService {

    /** The sandbox issuer: a believable "wrong environment" mistake for the wrong-iss fault. */
    static final String WRONG_ISSUER = "https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet";

    private final SimContext context;

    TokenService(SimContext context) {
        this.context = context;
    }

    /** What a token request produces for one session. */
    record Minted(String accessToken, String idToken) {
    }

    /**
     * @param certificateThumbprint the x5t#S256 of the client certificate when the client used tls_client_auth,
     *     bound into the access token as RFC 8705 says; null otherwise
     */
    Minted mint(SsoSession session, ClientRegistration client, String scope, String nonce,
            String certificateThumbprint) {
        Fault fault = context.fault();
        Endpoint endpoint = Endpoint.TOKEN;
        Instant now = context.now();
        Instant expiry = now.plus(context.config.accessTokenLifetime());
        Professional professional = session.professional();
        String subject = context.config.subjectPrefix() + professional.idNat();
        String issuer = issuer(fault, endpoint);
        String audience = fault.is(FaultMode.WRONG_AUD, endpoint) ? client.clientId() + "-other" : client.clientId();
        String acr = fault.is(FaultMode.LOW_ACR, endpoint) ? emptyToNull(fault.acr()) : session.acr();
        boolean forged = fault.is(FaultMode.BAD_SIGNATURE, endpoint);

        JWTClaimsSet.Builder access = new JWTClaimsSet.Builder()
                .expirationTime(Date.from(expiry))
                .issueTime(Date.from(now))
                .claim("auth_time", session.authTime().getEpochSecond())
                .jwtID(UUID.randomUUID().toString())
                .issuer(issuer)
                .audience(audience)
                .subject(subject)
                .claim("typ", "Bearer")
                .claim("azp", client.clientId())
                .claim("nonce", nonce)
                .claim("session_state", session.id())
                .claim("acr", acr)
                .claim("scope", scope)
                .claim("sid", session.id())
                .claim("authMode", session.authMode())
                .claim("otherIds", UserinfoClaims.otherIds(professional))
                .claim("preferred_username", professional.idNat())
                .claim("given_name", professional.givenName())
                .claim("family_name", professional.familyName());
        if (certificateThumbprint != null) {
            access.claim("cnf", Map.of("x5t#S256", certificateThumbprint));
        }
        String accessToken = context.keys.sign(access.build(), forged);

        String idNonce = fault.is(FaultMode.WRONG_NONCE, endpoint) ? "not-the-nonce-" + UUID.randomUUID() : nonce;
        JWTClaimsSet id = new JWTClaimsSet.Builder()
                .expirationTime(Date.from(expiry))
                .issueTime(Date.from(now))
                .claim("auth_time", session.authTime().getEpochSecond())
                .jwtID(UUID.randomUUID().toString())
                .issuer(issuer)
                .audience(audience)
                .subject(subject)
                .claim("typ", "ID")
                .claim("azp", client.clientId())
                .claim("nonce", idNonce)
                .claim("session_state", session.id())
                .claim("at_hash", atHash(accessToken))
                .claim("acr", acr)
                .claim("sid", session.id())
                .claim("preferred_username", professional.idNat())
                .claim("SubjectNameID", professional.idNat())
                .claim("given_name", professional.givenName())
                .claim("family_name", professional.familyName())
                .build();
        return new Minted(accessToken, context.keys.sign(id, forged));
    }

    /** Userinfo as a JWT: the JSON claims plus iss, aud and iat, as Keycloak signs it. */
    String signUserinfo(Map<String, Object> claims, String clientId) {
        Fault fault = context.fault();
        Endpoint endpoint = Endpoint.USERINFO;
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        claims.forEach(builder::claim);
        builder.issuer(issuer(fault, endpoint))
                .audience(fault.is(FaultMode.WRONG_AUD, endpoint) ? clientId + "-other" : clientId)
                .issueTime(Date.from(context.now()));
        return context.keys.sign(builder.build(), fault.is(FaultMode.BAD_SIGNATURE, endpoint));
    }

    /**
     * The claims of an access token this simulator signed, still valid, whose session is alive; null otherwise.
     */
    JWTClaimsSet verifyAccessToken(String token) {
        JWTClaimsSet claims = verifySigned(token);
        if (claims == null || !"Bearer".equals(claims.getClaim("typ"))) {
            return null;
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null || !expiry.toInstant().isAfter(context.now())) {
            return null;
        }
        return context.grants.activeSession(stringClaim(claims, "sid")) == null ? null : claims;
    }

    /** The claims of an ID token this simulator signed, expired or not (logout accepts expired hints). */
    JWTClaimsSet verifyIdTokenHint(String token) {
        JWTClaimsSet claims = verifySigned(token);
        return claims != null && "ID".equals(claims.getClaim("typ")) ? claims : null;
    }

    String issuer() {
        return context.addresses().issuer();
    }

    String issuer(Fault fault, Endpoint endpoint) {
        return fault.is(FaultMode.WRONG_ISS, endpoint) ? WRONG_ISSUER : issuer();
    }

    static String stringClaim(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String ? (String) value : null;
    }

    private JWTClaimsSet verifySigned(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!context.keys.verifies(jwt)) {
                return null;
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            return issuer().equals(claims.getIssuer()) ? claims : null;
        } catch (ParseException e) {
            return null;
        }
    }

    /** OIDC Core §3.1.3.6: base64url of the left half of SHA-256 of the access token. */
    static String atHash(String accessToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, digest.length / 2));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
