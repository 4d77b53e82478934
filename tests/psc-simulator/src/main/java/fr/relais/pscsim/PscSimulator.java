package fr.relais.pscsim;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A running Pro Santé Connect look-alike. Start it with {@link #start(SimulatorConfig)}, point the relying party
 * at {@link #discoveryUrl()} (or the individual endpoints), switch faults with {@link #setFault(Fault)}, check
 * what the relying party sent with {@link #requests(Endpoint)}, and {@link #close()} it.
 *
 * <pre>{@code
 * try (PscSimulator psc = PscSimulator.start(SimulatorConfig.builder()
 *         .client(ClientRegistration.withSecret("relais", "secret", "https://localhost:8443/*"))
 *         .build())) {
 *     psc.setAutoLogin(AutoLogin.of("899700100011"));
 *     psc.setFault(Fault.http500().onlyOn(Endpoint.TOKEN));
 *     ...
 * }
 * }</pre>
 */
public final class PscSimulator implements AutoCloseable {

    private final SimContext context;
    private final ExecutorService executor;
    private final ScheduledExecutorService scheduler;
    private final Listener main;
    private final Listener wallet;
    private final Listener admin;
    private final Object faultLock = new Object();
    private ScheduledFuture<?> recovery;
    private volatile boolean closed;

    private PscSimulator(SimulatorConfig config) {
        context = new SimContext(config);
        executor = Executors.newCachedThreadPool(daemonThreads("psc-sim-http"));
        scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("psc-sim-recovery"));

        ClientAuthenticator authenticator = new ClientAuthenticator(context);
        Map<Endpoint, EndpointHandler> handlers = new EnumMap<>(Endpoint.class);
        handlers.put(Endpoint.DISCOVERY, new DiscoveryHandler(context));
        handlers.put(Endpoint.JWKS, new JwksHandler(context));
        handlers.put(Endpoint.AUTHORIZE, new AuthorizeHandler(context));
        handlers.put(Endpoint.TOKEN, new TokenHandler(context, authenticator));
        handlers.put(Endpoint.USERINFO, new UserinfoHandler(context));
        handlers.put(Endpoint.INTROSPECT, new IntrospectHandler(context, authenticator));
        handlers.put(Endpoint.LOGOUT, new LogoutHandler(context));
        AdminHandler adminHandler = new AdminHandler(this, context);
        SSLContext ssl = config.tls() == null ? null : config.tls().sslContext();

        Map<String, Endpoint> mainRoutes = new LinkedHashMap<>();
        mainRoutes.put(Addresses.DISCOVERY_PATH, Endpoint.DISCOVERY);
        mainRoutes.put(Addresses.STANDARD_DISCOVERY_PATH, Endpoint.DISCOVERY);
        mainRoutes.put(Addresses.JWKS_PATH, Endpoint.JWKS);
        mainRoutes.put(Addresses.TOKEN_PATH, Endpoint.TOKEN);
        mainRoutes.put(Addresses.INTROSPECT_PATH, Endpoint.INTROSPECT);
        mainRoutes.put(Addresses.USERINFO_PATH, Endpoint.USERINFO);
        mainRoutes.put(Addresses.LOGOUT_PATH, Endpoint.LOGOUT);
        if (config.walletPort() == null) {
            mainRoutes.put(Addresses.WALLET_AUTH_PATH, Endpoint.AUTHORIZE);
        }
        main = new Listener("main", config.bindAddress(), config.port(), ssl,
                new Router("main", mainRoutes, handlers, adminHandler, context), executor,
                EnumSet.copyOf(mainRoutes.values()));
        wallet = config.walletPort() == null ? null
                : new Listener("wallet", config.bindAddress(), config.walletPort(), ssl,
                        new Router("wallet", Map.of(Addresses.AUTH_PATH, Endpoint.AUTHORIZE), handlers, null,
                                context), executor, Set.of(Endpoint.AUTHORIZE));
        // Plain HTTP even when the rest is HTTPS: it is a loopback test hook, and curl needs no -k.
        admin = config.adminPort() == null ? null
                : new Listener("admin", config.bindAddress(), config.adminPort(), null, adminHandler, executor,
                        Set.of());
    }

    /** Starts a simulator and returns once it accepts connections. */
    public static PscSimulator start(SimulatorConfig config) {
        PscSimulator simulator = new PscSimulator(config);
        try {
            simulator.open();
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
        return simulator;
    }

    /** {@link SimulatorConfig#defaults()}. */
    public static PscSimulator start() {
        return start(SimulatorConfig.defaults());
    }

    private void open() {
        for (Listener listener : listeners()) {
            listener.switchTo(Listener.Mode.SERVING);
        }
        String scheme = context.config.tls() == null ? "http" : "https";
        String host = context.config.host();
        String base = scheme + "://" + host + ":" + main.port();
        String authorize = wallet == null ? base + Addresses.WALLET_AUTH_PATH
                : scheme + "://" + host + ":" + wallet.port() + Addresses.AUTH_PATH;
        String adminBase = admin == null ? null : "http://" + host + ":" + admin.port();
        context.addresses(new Addresses(base, base + Addresses.ISSUER_PATH, authorize, adminBase));
    }

    // ---- addresses ----

    public Addresses addresses() {
        return context.addresses();
    }

    /** e.g. {@code http://localhost:8090}. */
    public String baseUrl() {
        return addresses().baseUrl();
    }

    /** {@code <baseUrl>/auth/realms/esante-wallet}. */
    public String issuer() {
        return addresses().issuer();
    }

    /** PSC's non-standard {@code <issuer>/.well-known/wallet-openid-configuration}. */
    public String discoveryUrl() {
        return addresses().discoveryUrl();
    }

    public String authorizationEndpoint() {
        return addresses().authorizationEndpoint();
    }

    public String tokenEndpoint() {
        return addresses().tokenEndpoint();
    }

    public String userinfoEndpoint() {
        return addresses().userinfoEndpoint();
    }

    public String jwksUri() {
        return addresses().jwksUri();
    }

    public String endSessionEndpoint() {
        return addresses().endSessionEndpoint();
    }

    public String introspectionEndpoint() {
        return addresses().introspectionEndpoint();
    }

    /** The admin API base ({@code .../_sim}): on the admin port when there is one, which faults never close. */
    public String adminUrl() {
        Addresses addresses = addresses();
        return (addresses.adminBaseUrl() != null ? addresses.adminBaseUrl() : addresses.baseUrl()) + "/_sim";
    }

    public int port() {
        return main.port();
    }

    /** -1 when authorize is served by the main port. */
    public int walletPort() {
        return wallet == null ? -1 : wallet.port();
    }

    /** -1 when there is no admin port. */
    public int adminPort() {
        return admin == null ? -1 : admin.port();
    }

    // ---- faults ----

    /**
     * Switches to this fault at once (replacing the previous one). Refuse and blackhole take effect before this
     * returns: new connections are refused or held from then on.
     */
    public void setFault(Fault fault) {
        setFault(fault, null);
    }

    /**
     * @param beforeListeners runs once the fault is in force for requests and before any port closes: the admin
     *     API answers there when the port it answers on is about to close
     */
    void setFault(Fault fault, Runnable beforeListeners) {
        synchronized (faultLock) {
            if (closed) {
                return;
            }
            if (recovery != null) {
                recovery.cancel(false);
                recovery = null;
            }
            // Release the requests held by a previous blackhole before any listener is stopped.
            context.fault(fault);
            if (beforeListeners != null) {
                try {
                    beforeListeners.run();
                } catch (RuntimeException e) {
                    // The admin caller hung up: the fault must still take effect in full.
                }
            }
            for (Listener listener : new Listener[] {main, wallet}) {
                if (listener != null) {
                    listener.switchTo(modeFor(listener, fault));
                }
            }
            if (fault.duration() != null) {
                recovery = scheduler.schedule(() -> {
                    synchronized (faultLock) {
                        if (context.fault() == fault) {
                            setFault(Fault.none());
                        }
                    }
                }, fault.duration().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    public void clearFault() {
        setFault(Fault.none());
    }

    public Fault fault() {
        return context.fault();
    }

    /** Whether that fault would stop the listener on that port (the admin API answers before switching then). */
    boolean takesDownPort(int port, Fault fault) {
        for (Listener listener : new Listener[] {main, wallet}) {
            if (listener != null && listener.port() == port && modeFor(listener, fault) != Listener.Mode.SERVING) {
                return true;
            }
        }
        return false;
    }

    private static Listener.Mode modeFor(Listener listener, Fault fault) {
        if (fault.mode() == FaultMode.REFUSE && listener.servesAnyOf(fault.endpoints())) {
            return Listener.Mode.REFUSING;
        }
        if (fault.mode() == FaultMode.BLACKHOLE && fault.endpoints().isEmpty()) {
            return Listener.Mode.BLACKHOLING;
        }
        return Listener.Mode.SERVING;
    }

    // ---- registrations ----

    /** Adds or replaces (same client_id) a client. */
    public void registerClient(ClientRegistration client) {
        context.register(client);
    }

    public boolean removeClient(String clientId) {
        return context.unregister(clientId);
    }

    public List<ClientRegistration> clients() {
        return context.clients();
    }

    /** Adds or replaces (same idNat) a professional. */
    public void addProfessional(Professional professional) {
        context.addProfessional(professional);
    }

    public List<Professional> professionals() {
        return context.professionals();
    }

    /** Null turns it off. */
    public void setAutoLogin(AutoLogin autoLogin) {
        context.autoLogin(autoLogin);
    }

    /** Ends every PSC session (refresh tokens stop working, the next authorize shows the page again). */
    public void endAllSessions() {
        context.grants.endAllSessions();
    }

    // ---- request log ----

    /** Every recorded request, oldest first. */
    public List<RecordedRequest> requests() {
        return context.log.all();
    }

    public List<RecordedRequest> requests(Endpoint endpoint) {
        return context.log.of(endpoint);
    }

    /** The most recent request to that endpoint, or null. */
    public RecordedRequest lastRequest(Endpoint endpoint) {
        List<RecordedRequest> requests = requests(endpoint);
        return requests.isEmpty() ? null : requests.get(requests.size() - 1);
    }

    public void clearRequests() {
        context.log.clear();
    }

    // ---- keys ----

    /** The published JWKS (public key only). */
    public JWKSet jwks() {
        return context.keys.publicJwks();
    }

    public RSAKey signingKey() {
        return context.keys.publicKey();
    }

    Map<String, Object> stateJson() {
        Map<String, Object> state = new LinkedHashMap<>();
        Addresses addresses = addresses();
        state.put("issuer", addresses.issuer());
        state.put("discovery", addresses.discoveryUrl());
        state.put("authorizationEndpoint", addresses.authorizationEndpoint());
        Map<String, Object> ports = new LinkedHashMap<>();
        for (Listener listener : listeners()) {
            ports.put(listener.name(), Map.of("port", listener.port(), "mode", listener.mode().name()));
        }
        state.put("listeners", ports);
        state.put("fault", ConfigJson.toJson(fault()));
        List<String> clients = new ArrayList<>();
        context.clients().forEach(c -> clients.add(c.clientId()));
        state.put("clients", clients);
        List<String> professionals = new ArrayList<>();
        context.professionals().forEach(p -> professionals.add(p.idNat()));
        state.put("professionals", professionals);
        AutoLogin auto = context.autoLogin();
        state.put("autoLogin", auto == null ? null : auto.idNat());
        state.put("sessions", context.grants.sessions().size());
        state.put("recordedRequests", context.log.all().size());
        return state;
    }

    private List<Listener> listeners() {
        List<Listener> list = new ArrayList<>();
        list.add(main);
        if (wallet != null) {
            list.add(wallet);
        }
        if (admin != null) {
            list.add(admin);
        }
        return list;
    }

    @Override
    public void close() {
        synchronized (faultLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        context.close();
        for (Listener listener : listeners()) {
            listener.switchTo(Listener.Mode.STOPPED);
        }
        scheduler.shutdownNow();
        executor.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
