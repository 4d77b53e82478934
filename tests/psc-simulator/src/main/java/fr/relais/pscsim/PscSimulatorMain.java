package fr.relais.pscsim;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator on its own until Ctrl-C.
 *
 * <pre>
 * java -cp ... fr.relais.pscsim.PscSimulatorMain --port 8090 [--wallet-port 8091] [--admin-port 8099]
 *     [--host localhost] [--bind 127.0.0.1]
 *     [--tls-cert chain.pem --tls-key key.pem | --tls-p12 server.p12 --tls-password pw] [--client-ca ca.pem]...
 *     [--config simulator.json] [--client "clientId=relais;secret=s3cret;redirectUri=https://localhost:8443/*"]...
 * </pre>
 */
public final class PscSimulatorMain {

    static final String DEMO_CLIENT_ID = "demo";
    static final String DEMO_CLIENT_SECRET = "demo-secret";

    private PscSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SimulatorConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("psc-simulator: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (config == null) {
            System.out.println(usage());
            return;
        }
        PscSimulator simulator = PscSimulator.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "psc-sim-shutdown"));
        System.out.println(banner(simulator));
        stopped.await();
    }

    /** The configuration the arguments describe; null for --help. */
    static SimulatorConfig parse(String[] args) {
        SimulatorConfig.Builder builder = SimulatorConfig.builder().port(8090);
        Integer adminPort = null;
        boolean adminDisabled = false;
        int port = 8090;
        String tlsCert = null;
        String tlsKey = null;
        String tlsP12 = null;
        String tlsPassword = "";
        List<Path> clientCas = new ArrayList<>();
        List<ClientRegistration> clients = new ArrayList<>();
        Path configFile = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--port" -> {
                    port = intValue(arg, value(args, ++i, arg));
                    builder.port(port);
                }
                case "--wallet-port" -> builder.walletPort(intValue(arg, value(args, ++i, arg)));
                case "--admin-port" -> {
                    String value = value(args, ++i, arg);
                    if (value.equals("none") || value.equals("-1")) {
                        adminDisabled = true;
                    } else {
                        adminPort = intValue(arg, value);
                    }
                }
                case "--host" -> builder.host(value(args, ++i, arg));
                case "--bind" -> builder.bindAddress(address(value(args, ++i, arg)));
                case "--tls-cert" -> tlsCert = value(args, ++i, arg);
                case "--tls-key" -> tlsKey = value(args, ++i, arg);
                case "--tls-p12" -> tlsP12 = value(args, ++i, arg);
                case "--tls-password" -> tlsPassword = value(args, ++i, arg);
                case "--client-ca" -> clientCas.add(Path.of(value(args, ++i, arg)));
                case "--config", "--clients" -> configFile = Path.of(value(args, ++i, arg));
                case "--client" -> clients.add(client(value(args, ++i, arg)));
                default -> throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        if (configFile != null) {
            ConfigJson.apply(ConfigJson.read(configFile), builder);
        }
        clients.forEach(builder::client);
        if (tlsP12 != null) {
            builder.tls(TlsConfig.fromPkcs12(Path.of(tlsP12), tlsPassword.toCharArray(), clientCas));
        } else if (tlsCert != null || tlsKey != null) {
            if (tlsCert == null || tlsKey == null) {
                throw new IllegalArgumentException("--tls-cert and --tls-key go together");
            }
            builder.tls(TlsConfig.fromPem(Path.of(tlsCert), Path.of(tlsKey), clientCas));
        } else if (!clientCas.isEmpty()) {
            throw new IllegalArgumentException("--client-ca needs --tls-cert/--tls-key or --tls-p12");
        }
        SimulatorConfig config = builder.build();
        if (!adminDisabled && config.adminPort() == null) {
            // Faults can close the main port; this one stays up so that a shell can switch them back.
            builder.adminPort(adminPort != null ? adminPort : config.port() == 0 ? 0 : config.port() + 9);
        } else if (adminDisabled) {
            builder.adminPort(null);
        }
        if (config.clients().isEmpty()) {
            builder.client(ClientRegistration.withSecret(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, "*"));
        }
        return builder.build();
    }

    /** {@code clientId=...;secret=...;redirectUri=...;redirectUri=...;postLogoutRedirectUri=...;tlsSubjectDn=...;
     * userinfo=json|jwt}: semicolons, since DNs contain commas. */
    static ClientRegistration client(String spec) {
        String clientId = null;
        String secret = null;
        String dn = null;
        UserinfoFormat format = UserinfoFormat.JSON;
        List<String> redirects = new ArrayList<>();
        List<String> postLogout = new ArrayList<>();
        for (String part : spec.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int equals = part.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("Expected name=value in --client: " + part);
            }
            String name = part.substring(0, equals).trim();
            String value = part.substring(equals + 1).trim();
            switch (name) {
                case "clientId", "id" -> clientId = value;
                case "secret" -> secret = value;
                case "redirectUri", "redirect" -> redirects.add(value);
                case "postLogoutRedirectUri" -> postLogout.add(value);
                case "tlsSubjectDn", "dn" -> dn = value;
                case "userinfo" -> format = UserinfoFormat.parse(value);
                default -> throw new IllegalArgumentException("Unknown --client field " + name);
            }
        }
        if (clientId == null) {
            throw new IllegalArgumentException("--client needs clientId=...");
        }
        return new ClientRegistration(clientId, secret, redirects, postLogout, dn, format);
    }

    static String banner(PscSimulator simulator) {
        StringBuilder text = new StringBuilder();
        text.append("Pro Santé Connect simulator\n");
        text.append("  issuer        ").append(simulator.issuer()).append('\n');
        text.append("  discovery     ").append(simulator.discoveryUrl()).append('\n');
        text.append("  authorize     ").append(simulator.authorizationEndpoint())
                .append("   (real PSC: a separate host, wallet.<env>.esante.gouv.fr/auth)\n");
        text.append("  admin         ").append(simulator.adminUrl()).append("/state\n");
        for (ClientRegistration client : simulator.clients()) {
            text.append("  client        ").append(client.clientId())
                    .append(client.secret() != null ? " / secret " + client.secret() : "")
                    .append(client.tlsSubjectDn() != null ? " / mTLS " + client.tlsSubjectDn() : "")
                    .append(" -> ").append(client.redirectUris()).append('\n');
        }
        for (Professional professional : simulator.professionals()) {
            text.append("  professional  ").append(professional.idNat()).append("  ")
                    .append(professional.displayName()).append('\n');
        }
        text.append("Faults: curl -X POST '").append(simulator.adminUrl())
                .append("/fault?mode=http500&endpoints=token'  (mode=none to recover)");
        return text.toString();
    }

    static String usage() {
        return "Usage: PscSimulatorMain [--port 8090] [--wallet-port N] [--admin-port N|none] [--host localhost]"
                + " [--bind 127.0.0.1] [--tls-cert chain.pem --tls-key key.pem | --tls-p12 f.p12 --tls-password pw]"
                + " [--client-ca ca.pem]... [--config file.json] [--client 'clientId=..;secret=..;redirectUri=..']...";
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int intValue(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " expects a number, not " + value);
        }
    }

    private static InetAddress address(String value) {
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Unknown address " + value);
        }
    }
}
