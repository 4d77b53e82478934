package fr.relais.pscsim;

import java.time.Instant;

/** A PSC login: who, how (authMode, acr) and when. Tokens and the browser cookie refer to it by id (sid). */
final class SsoSession {

    private final String id;
    private final Professional professional;
    private final String authMode;
    private final String acr;
    private final Instant authTime;
    private volatile Instant lastUsed;
    private volatile boolean ended;

    SsoSession(String id, Professional professional, String authMode, String acr, Instant authTime) {
        this.id = id;
        this.professional = professional;
        this.authMode = authMode;
        this.acr = acr;
        this.authTime = authTime;
        this.lastUsed = authTime;
    }

    String id() {
        return id;
    }

    Professional professional() {
        return professional;
    }

    String authMode() {
        return authMode;
    }

    String acr() {
        return acr;
    }

    Instant authTime() {
        return authTime;
    }

    Instant lastUsed() {
        return lastUsed;
    }

    void touch(Instant now) {
        lastUsed = now;
    }

    boolean ended() {
        return ended;
    }

    void end() {
        ended = true;
    }
}
