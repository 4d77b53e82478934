package fr.relais.bench.login;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

import fr.relais.testpki.IssuedCertificate;
import fr.relais.testpki.TestPki;

/**
 * The server's CPU for one TLS 1.3 handshake of a card login, by kind of server key: every login of
 * {@link LoginBenchmark} opens a new connection, so this is a fixed part of each. The server side is
 * set up as Keycloak's is by the runner (client certificate requested, the card authorities trusted);
 * the client presents a card (RSA 2048, as real cards) and checks the server's chain. Both ends run in
 * this one thread over in-memory buffers, pinned to core 0, with the JDK's own provider (the one
 * Keycloak uses); only the time spent in the server's engine is counted. Kinds alternate round by
 * round, so a drift of the machine hits both. Figures are printed, never asserted.
 * <pre>java -cp ... fr.relais.bench.login.TlsHandshakeBenchmark [handshakesPerRound=500] [rounds=10]</pre>
 */
public final class TlsHandshakeBenchmark {

    private static final char[] PASSWORD = "bench".toCharArray();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        LoginBenchmark.pin(ProcessHandle.current(), "0");
        TestPki pki = TestPki.generate();
        IssuedCertificate card = pki.card("899700252580").issue();
        SSLContext client = context(card, pki.trustAnchors());
        List<Certificate> cardAuthorities = pki.authorities().stream().map(ca -> (Certificate) ca.certificate()).toList();
        Map<String, SSLContext> servers = new LinkedHashMap<>();
        servers.put("RSA 2048 (IGC-Santé's kind)", context(pki.serverCertificate("localhost"), cardAuthorities));
        servers.put("EC P-256 (the appliance's own)", context(pki.ecServerCertificate("localhost"), cardAuthorities));

        System.out.printf("Java %s, %d handshakes per round, %d rounds (the first is warm-up)%n",
                System.getProperty("java.version"), perRound, rounds);
        Map<String, List<Double>> perHandshake = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, SSLContext> server : servers.entrySet()) {
                long serverNanos = 0;
                for (int i = 0; i < perRound; i++) {
                    serverNanos += handshake(client, server.getValue());
                }
                double ms = serverNanos / 1e6 / perRound;
                System.out.printf(Locale.ROOT, "round %d  %-32s server CPU per handshake %.3f ms%n", round, server.getKey(), ms);
                if (round > 0) {
                    perHandshake.computeIfAbsent(server.getKey(), k -> new ArrayList<>()).add(ms);
                }
            }
        }
        System.out.println();
        perHandshake.forEach((kind, values) -> System.out.printf(Locale.ROOT, "%-32s median %.3f ms (%s)%n", kind,
                median(values), values.stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).toList()));
    }

    /** One handshake of a new connection; returns the CPU time spent in the server's engine. */
    private static long handshake(SSLContext clientContext, SSLContext serverContext) throws SSLException {
        SSLEngine client = clientContext.createSSLEngine("localhost", 443);
        client.setUseClientMode(true);
        client.setEnabledProtocols(new String[] {"TLSv1.3"});
        SSLEngine server = serverContext.createSSLEngine();
        server.setUseClientMode(false);
        server.setWantClientAuth(true);
        ByteBuffer toServer = ByteBuffer.allocate(1 << 16);
        ByteBuffer toClient = ByteBuffer.allocate(1 << 16);
        ByteBuffer application = ByteBuffer.allocate(1 << 16);
        client.beginHandshake();
        server.beginHandshake();
        long serverNanos = 0;
        for (int step = 0; step < 100 && !(finished(client) && finished(server)); step++) {
            advance(client, toClient, toServer, application);
            long before = THREADS.getCurrentThreadCpuTime();
            advance(server, toServer, toClient, application);
            serverNanos += THREADS.getCurrentThreadCpuTime() - before;
        }
        if (!(finished(client) && finished(server))) {
            throw new IllegalStateException("Handshake not finished: client " + client.getHandshakeStatus() + ", server "
                    + server.getHandshakeStatus());
        }
        if (server.getSession().getPeerCertificates().length == 0) {
            throw new IllegalStateException("The server did not get the card");
        }
        return serverNanos;
    }

    /** One step of an engine's handshake: its delegated tasks, or one record written or read. */
    private static void advance(SSLEngine engine, ByteBuffer in, ByteBuffer out, ByteBuffer application) throws SSLException {
        switch (engine.getHandshakeStatus()) {
            case NEED_TASK -> {
                for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
                    task.run();
                }
            }
            case NEED_WRAP -> engine.wrap(ByteBuffer.allocate(0), out);
            case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                in.flip();
                engine.unwrap(in, application);
                in.compact();
            }
            default -> { }
        }
    }

    private static boolean finished(SSLEngine engine) {
        HandshakeStatus status = engine.getHandshakeStatus();
        return status == HandshakeStatus.NOT_HANDSHAKING || status == HandshakeStatus.FINISHED;
    }

    private static SSLContext context(IssuedCertificate own, List<? extends Certificate> trusted) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("own", own.privateKey(), PASSWORD, own.chain().toArray(Certificate[]::new));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("PKIX");
        keyManagers.init(keys, PASSWORD);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        for (int i = 0; i < trusted.size(); i++) {
            trust.setCertificateEntry("ca-" + i, trusted.get(i));
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
