package fr.relais.pscsim;

import com.nimbusds.jose.jwk.RSAKey;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** How a {@link PscSimulator} starts. Immutable; build with {@link #builder()}. */
public final class SimulatorConfig {

    /**
     * Keycloak's federated subject form {@code f:<provider-uuid>:<idNat>} as seen in real PSC tokens; the UUID is
     * ours.
     */
    public static final String DEFAULT_SUBJECT_PREFIX = "f:5e1d0c4a-7b2f-4c1e-9a3d-52c0a11e5c00:";

    private final String host;
    private final InetAddress bindAddress;
    private final int port;
    private final Integer walletPort;
    private final Integer adminPort;
    private final TlsConfig tls;
    private final List<ClientRegistration> clients;
    private final List<Professional> professionals;
    private final Duration accessTokenLifetime;
    private final Duration refreshTokenLifetime;
    private final Duration ssoSessionIdle;
    private final Duration ssoSessionMax;
    private final Duration codeLifetime;
    private final boolean requireScopeAll;
    private final RSAKey signingKey;
    private final Clock clock;
    private final String subjectPrefix;
    private final int maxRecordedRequests;

    private SimulatorConfig(Builder b) {
        host = b.host;
        bindAddress = b.bindAddress;
        port = b.port;
        walletPort = b.walletPort;
        adminPort = b.adminPort;
        tls = b.tls;
        clients = List.copyOf(b.clients);
        professionals = List.copyOf(b.professionals);
        accessTokenLifetime = b.accessTokenLifetime;
        refreshTokenLifetime = b.refreshTokenLifetime;
        ssoSessionIdle = b.ssoSessionIdle;
        ssoSessionMax = b.ssoSessionMax;
        codeLifetime = b.codeLifetime;
        requireScopeAll = b.requireScopeAll;
        signingKey = b.signingKey;
        clock = b.clock;
        subjectPrefix = b.subjectPrefix;
        maxRecordedRequests = b.maxRecordedRequests;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Plain HTTP on an ephemeral loopback port, the demo professionals, no client. */
    public static SimulatorConfig defaults() {
        return builder().build();
    }

    /** A builder holding this configuration, to change a few settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.bindAddress = bindAddress;
        b.port = port;
        b.walletPort = walletPort;
        b.adminPort = adminPort;
        b.tls = tls;
        b.clients = new ArrayList<>(clients);
        b.professionals = new ArrayList<>(professionals);
        b.accessTokenLifetime = accessTokenLifetime;
        b.refreshTokenLifetime = refreshTokenLifetime;
        b.ssoSessionIdle = ssoSessionIdle;
        b.ssoSessionMax = ssoSessionMax;
        b.codeLifetime = codeLifetime;
        b.requireScopeAll = requireScopeAll;
        b.signingKey = signingKey;
        b.clock = clock;
        b.subjectPrefix = subjectPrefix;
        b.maxRecordedRequests = maxRecordedRequests;
        return b;
    }

    /** The host name put in URLs (issuer, endpoints); "localhost" by default. */
    public String host() {
        return host;
    }

    public InetAddress bindAddress() {
        return bindAddress;
    }

    /** 0 picks a free port. */
    public int port() {
        return port;
    }

    /** The port of the separate "wallet" (authorize) listener; null serves authorize at {@code /wallet/auth}. */
    public Integer walletPort() {
        return walletPort;
    }

    /** The port of the separate admin listener, which no fault touches; null for none. */
    public Integer adminPort() {
        return adminPort;
    }

    /** Null for plain HTTP. */
    public TlsConfig tls() {
        return tls;
    }

    public List<ClientRegistration> clients() {
        return clients;
    }

    public List<Professional> professionals() {
        return professionals;
    }

    public Duration accessTokenLifetime() {
        return accessTokenLifetime;
    }

    public Duration refreshTokenLifetime() {
        return refreshTokenLifetime;
    }

    public Duration ssoSessionIdle() {
        return ssoSessionIdle;
    }

    public Duration ssoSessionMax() {
        return ssoSessionMax;
    }

    public Duration codeLifetime() {
        return codeLifetime;
    }

    public boolean requireScopeAll() {
        return requireScopeAll;
    }

    /** Null: a fresh RSA key is generated at start. */
    public RSAKey signingKey() {
        return signingKey;
    }

    public Clock clock() {
        return clock;
    }

    public String subjectPrefix() {
        return subjectPrefix;
    }

    public int maxRecordedRequests() {
        return maxRecordedRequests;
    }

    public static final class Builder {
        private String host = "localhost";
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port;
        private Integer walletPort;
        private Integer adminPort;
        private TlsConfig tls;
        private List<ClientRegistration> clients = new ArrayList<>();
        private List<Professional> professionals = new ArrayList<>(DemoProfessionals.all());
        // PSC values (CI-SIS IG and a real BAS token): 2-minute access token, 30-minute refresh token,
        // 4-hour session with 30 minutes of inactivity at most.
        private Duration accessTokenLifetime = Duration.ofSeconds(120);
        private Duration refreshTokenLifetime = Duration.ofMinutes(30);
        private Duration ssoSessionIdle = Duration.ofMinutes(30);
        private Duration ssoSessionMax = Duration.ofHours(4);
        private Duration codeLifetime = Duration.ofSeconds(60);
        private boolean requireScopeAll = true;
        private RSAKey signingKey;
        private Clock clock = Clock.systemUTC();
        private String subjectPrefix = DEFAULT_SUBJECT_PREFIX;
        private int maxRecordedRequests = 1000;

        private Builder() {
        }

        public Builder host(String value) {
            host = Objects.requireNonNull(value, "host");
            return this;
        }

        public Builder bindAddress(InetAddress value) {
            bindAddress = Objects.requireNonNull(value, "bindAddress");
            return this;
        }

        public Builder port(int value) {
            port = requirePort(value);
            return this;
        }

        /** Serves authorize on its own port at {@code /auth}, like PSC's separate wallet host; 0 picks one. */
        public Builder walletPort(Integer value) {
            walletPort = value == null ? null : requirePort(value);
            return this;
        }

        /** Serves {@code /_sim/...} on its own port too, reachable while a fault closes the others; 0 picks one. */
        public Builder adminPort(Integer value) {
            adminPort = value == null ? null : requirePort(value);
            return this;
        }

        public Builder tls(TlsConfig value) {
            tls = value;
            return this;
        }

        public Builder client(ClientRegistration value) {
            clients.add(Objects.requireNonNull(value, "client"));
            return this;
        }

        public Builder clients(List<ClientRegistration> values) {
            clients = new ArrayList<>(values);
            return this;
        }

        /** Replaces the list, demo professionals included. */
        public Builder professionals(List<Professional> values) {
            professionals = new ArrayList<>(values);
            return this;
        }

        /** Adds to the list (replacing a professional with the same idNat). */
        public Builder addProfessional(Professional value) {
            professionals.removeIf(p -> p.idNat().equals(value.idNat()));
            professionals.add(value);
            return this;
        }

        public Builder accessTokenLifetime(Duration value) {
            accessTokenLifetime = requirePositive(value);
            return this;
        }

        public Builder refreshTokenLifetime(Duration value) {
            refreshTokenLifetime = requirePositive(value);
            return this;
        }

        public Builder ssoSessionIdle(Duration value) {
            ssoSessionIdle = requirePositive(value);
            return this;
        }

        public Builder ssoSessionMax(Duration value) {
            ssoSessionMax = requirePositive(value);
            return this;
        }

        public Builder codeLifetime(Duration value) {
            codeLifetime = requirePositive(value);
            return this;
        }

        /** PSC rejects an authorization request without {@code scope_all}; false accepts it. */
        public Builder requireScopeAll(boolean value) {
            requireScopeAll = value;
            return this;
        }

        /** A fixed signing key (with its kid), e.g. to keep the same JWKS across restarts. */
        public Builder signingKey(RSAKey value) {
            signingKey = value;
            return this;
        }

        /** The clock of every expiry, so that tests can jump past a token lifetime. */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Builder subjectPrefix(String value) {
            subjectPrefix = Objects.requireNonNull(value, "subjectPrefix");
            return this;
        }

        public Builder maxRecordedRequests(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxRecordedRequests must be positive");
            }
            maxRecordedRequests = value;
            return this;
        }

        public SimulatorConfig build() {
            return new SimulatorConfig(this);
        }

        private static int requirePort(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("Not a port: " + value);
            }
            return value;
        }

        private static Duration requirePositive(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("Expected a positive duration: " + value);
            }
            return value;
        }
    }
}
