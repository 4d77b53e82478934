package fr.relais.pscsim;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side state of the simulator: SSO sessions, authorization codes, refresh tokens and login pages waiting
 * for an answer. Codes and refresh tokens are single-use (refresh tokens rotate), as PSC's Keycloak is set up.
 */
final class Grants {

    /** A login page left open longer than this must be started again. */
    private static final Duration PENDING_LIFETIME = Duration.ofMinutes(30);

    private final SimulatorConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SsoSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, CodeGrant> codes = new ConcurrentHashMap<>();
    private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    Grants(SimulatorConfig config) {
        this.config = config;
        this.clock = config.clock();
    }

    Instant now() {
        return clock.instant();
    }

    String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // ---- sessions ----

    SsoSession openSession(Professional professional, String authMode, String acr) {
        purgeExpired();
        SsoSession session = new SsoSession(UUID.randomUUID().toString(), professional, authMode, acr,
                now());
        sessions.put(session.id(), session);
        return session;
    }

    /** The session if it is still alive (not logged out, not idle or older than PSC allows), touched; else null. */
    SsoSession activeSession(String id) {
        if (id == null) {
            return null;
        }
        SsoSession session = sessions.get(id);
        if (session == null) {
            return null;
        }
        Instant now = now();
        if (session.ended() || now.isAfter(session.lastUsed().plus(config.ssoSessionIdle()))
                || now.isAfter(session.authTime().plus(config.ssoSessionMax()))) {
            endSession(id);
            return null;
        }
        session.touch(now);
        return session;
    }

    /** Ends the session and revokes its refresh tokens. */
    void endSession(String id) {
        SsoSession session = sessions.remove(id);
        if (session != null) {
            session.end();
        }
        refreshTokens.values().removeIf(grant -> grant.sessionId().equals(id));
    }

    void endAllSessions() {
        for (String id : new ArrayList<>(sessions.keySet())) {
            endSession(id);
        }
    }

    List<SsoSession> sessions() {
        return List.copyOf(sessions.values());
    }

    // ---- authorization codes ----

    String issueCode(AuthorizationRequest request, String sessionId) {
        purgeExpired();
        String code = randomToken();
        codes.put(code, new CodeGrant(request, sessionId, now().plus(config.codeLifetime())));
        return code;
    }

    /** Takes the code (it cannot be used twice); null when unknown, used or expired. */
    CodeGrant redeemCode(String code) {
        if (code == null) {
            return null;
        }
        CodeGrant grant = codes.remove(code);
        return grant == null || now().isAfter(grant.expires()) ? null : grant;
    }

    // ---- refresh tokens ----

    RefreshGrant issueRefreshToken(String clientId, String scope, String nonce, String sessionId,
            String certificateThumbprint) {
        Instant now = now();
        RefreshGrant grant = new RefreshGrant(randomToken(), clientId, scope, nonce, sessionId,
                certificateThumbprint, now, now.plus(config.refreshTokenLifetime()));
        refreshTokens.put(grant.token(), grant);
        return grant;
    }

    /** Takes the refresh token (rotation: the old one stops working); null when unknown or expired. */
    RefreshGrant redeemRefreshToken(String token) {
        if (token == null) {
            return null;
        }
        RefreshGrant grant = refreshTokens.remove(token);
        return grant == null || now().isAfter(grant.expires()) ? null : grant;
    }

    /** Looks without consuming (introspection). */
    RefreshGrant peekRefreshToken(String token) {
        RefreshGrant grant = token == null ? null : refreshTokens.get(token);
        return grant == null || now().isAfter(grant.expires()) ? null : grant;
    }

    // ---- login pages ----

    String savePending(AuthorizationRequest request) {
        purgeExpired();
        String id = randomToken();
        pending.put(id, new Pending(request, now().plus(PENDING_LIFETIME)));
        return id;
    }

    AuthorizationRequest peekPending(String id) {
        Pending entry = id == null ? null : pending.get(id);
        return entry == null || now().isAfter(entry.expires()) ? null : entry.request();
    }

    void dropPending(String id) {
        pending.remove(id);
    }

    private void purgeExpired() {
        Instant now = now();
        codes.values().removeIf(grant -> now.isAfter(grant.expires()));
        refreshTokens.values().removeIf(grant -> now.isAfter(grant.expires()));
        pending.values().removeIf(entry -> now.isAfter(entry.expires()));
    }

    record CodeGrant(AuthorizationRequest request, String sessionId, Instant expires) {
    }

    record RefreshGrant(String token, String clientId, String scope, String nonce, String sessionId,
            String certificateThumbprint, Instant issuedAt, Instant expires) {
    }

    private record Pending(AuthorizationRequest request, Instant expires) {
    }
}
