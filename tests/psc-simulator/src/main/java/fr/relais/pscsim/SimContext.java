package fr.relais.pscsim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The state every handler shares: registrations, the current fault, keys, grants and the request log. */
final class SimContext {

    final SimulatorConfig config;
    final SigningKeys keys;
    final Grants grants;
    final RequestLog log;
    final TokenService tokens;

    private final Map<String, ClientRegistration> clients = new ConcurrentHashMap<>();
    private final Map<String, Professional> professionals = new LinkedHashMap<>();
    private final Object faultMonitor = new Object();
    private volatile Fault fault = Fault.none();
    private long faultGeneration;
    private volatile boolean closed;
    private volatile AutoLogin autoLogin;
    private volatile Addresses addresses;

    SimContext(SimulatorConfig config) {
        this.config = config;
        this.keys = SigningKeys.create(config.signingKey());
        this.grants = new Grants(config);
        this.log = new RequestLog(config.maxRecordedRequests());
        this.tokens = new TokenService(this);
        config.clients().forEach(this::register);
        config.professionals().forEach(this::addProfessional);
    }

    Instant now() {
        return config.clock().instant();
    }

    Addresses addresses() {
        return addresses;
    }

    void addresses(Addresses value) {
        addresses = value;
    }

    // ---- clients and professionals ----

    void register(ClientRegistration client) {
        clients.put(client.clientId(), client);
    }

    boolean unregister(String clientId) {
        return clients.remove(clientId) != null;
    }

    ClientRegistration client(String clientId) {
        return clientId == null ? null : clients.get(clientId);
    }

    List<ClientRegistration> clients() {
        List<ClientRegistration> list = new ArrayList<>(clients.values());
        list.sort(Comparator.comparing(ClientRegistration::clientId));
        return list;
    }

    synchronized void addProfessional(Professional professional) {
        professionals.put(professional.idNat(), professional);
    }

    synchronized Professional professional(String idNat) {
        return idNat == null ? null : professionals.get(idNat.trim());
    }

    synchronized List<Professional> professionals() {
        return List.copyOf(professionals.values());
    }

    AutoLogin autoLogin() {
        return autoLogin;
    }

    void autoLogin(AutoLogin value) {
        autoLogin = value;
    }

    // ---- faults ----

    Fault fault() {
        return fault;
    }

    void fault(Fault value) {
        synchronized (faultMonitor) {
            fault = value;
            faultGeneration++;
            faultMonitor.notifyAll();
        }
    }

    /** Blocks a blackholed request until the fault changes or the simulator stops. */
    void holdUntilFaultChanges() throws InterruptedException {
        synchronized (faultMonitor) {
            long generation = faultGeneration;
            while (generation == faultGeneration && !closed) {
                faultMonitor.wait();
            }
        }
    }

    void close() {
        synchronized (faultMonitor) {
            closed = true;
            faultMonitor.notifyAll();
        }
    }
}
