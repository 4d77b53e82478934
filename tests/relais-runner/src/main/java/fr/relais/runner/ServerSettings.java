package fr.relais.runner;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What differs between two runs of the same installation: ports, TLS material, database, the
 * bootstrap administrator and the values of the {@code ${ENV}} placeholders of the realm file.
 * Options that Keycloak bakes in at build time are kept apart, so a change to them triggers
 * {@code kc.sh build} and nothing else does.
 */
public final class ServerSettings {

    private final Map<String, String> buildOptions = new TreeMap<>();
    private final Map<String, String> runtimeOptions = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private int httpsPort = 8443;
    private int managementPort = 9000;
    private String publicUrl;

    public static ServerSettings devFileDatabase() {
        ServerSettings settings = new ServerSettings();
        settings.buildOptions.put("db", "dev-file");
        return settings;
    }

    /** Keycloak on a PostgreSQL server, as the appliance runs it. */
    public static ServerSettings postgresDatabase(String jdbcUrl, String username) {
        ServerSettings settings = new ServerSettings();
        settings.buildOptions.put("db", "postgres");
        settings.runtimeOptions.put("db-url", jdbcUrl);
        settings.runtimeOptions.put("db-username", username);
        return settings;
    }

    public ServerSettings ports(int https, int management) {
        this.httpsPort = https;
        this.managementPort = management;
        return this;
    }

    /**
     * The same settings for another node of the same installation kind: a change to the copy
     * leaves this one as it is.
     */
    public ServerSettings copy() {
        ServerSettings copy = new ServerSettings();
        copy.buildOptions.putAll(buildOptions);
        copy.runtimeOptions.putAll(runtimeOptions);
        copy.environment.putAll(environment);
        copy.httpsPort = httpsPort;
        copy.managementPort = managementPort;
        copy.publicUrl = publicUrl;
        return copy;
    }

    /**
     * The address users and tokens name, when it is not this node's own: the nodes of a cluster all
     * answer for one public address (a load balancer's), so a token one node issued is valid on the other.
     */
    public ServerSettings publicUrl(String url) {
        this.publicUrl = url;
        return this;
    }

    /**
     * A node of an Infinispan cluster, found by the other nodes through the shared database
     * (Keycloak's default {@code jdbc-ping} stack). The transport binds to the loopback interface:
     * the nodes here share one machine, which may have no other interface to multicast or route on.
     *
     * @param nodeName  distinct per node, in the cluster view and the logs
     * @param bindPort  distinct per node: the nodes share the loopback address
     */
    public ServerSettings clusterNode(String nodeName, int bindPort) {
        runtimeOptions.put("cache", "ispn");
        runtimeOptions.put("cache-embedded-network-bind-address", "127.0.0.1");
        runtimeOptions.put("cache-embedded-network-bind-port", Integer.toString(bindPort));
        runtimeOptions.put("spi-cache-embedded--default--node-name", nodeName);
        return this;
    }

    public ServerSettings tls(Path certificatePem, Path privateKeyPem, Path clientTrustStore, String trustStorePassword) {
        runtimeOptions.put("https-certificate-file", certificatePem.toString());
        runtimeOptions.put("https-certificate-key-file", privateKeyPem.toString());
        runtimeOptions.put("https-trust-store-file", clientTrustStore.toString());
        runtimeOptions.put("https-trust-store-password", trustStorePassword);
        return this;
    }

    public ServerSettings bootstrapAdmin(String username, String password) {
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", username);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", password);
        return this;
    }

    /** Value for a {@code ${NAME}} placeholder of the realm file, passed to Keycloak's environment. */
    public ServerSettings environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** An option Keycloak bakes in at build time (e.g. {@code vault}); changing it rebuilds the server. */
    public ServerSettings buildOption(String name, String value) {
        buildOptions.put(name, value);
        return this;
    }

    public ServerSettings runtimeOption(String name, String value) {
        runtimeOptions.put(name, value);
        return this;
    }

    public int httpsPort() {
        return httpsPort;
    }

    public int managementPort() {
        return managementPort;
    }

    /** Where this node answers. */
    public String baseUrl() {
        return "https://localhost:" + httpsPort;
    }

    /** The address users and tokens name: this node's own unless {@link #publicUrl(String)} set another. */
    public String publicUrl() {
        return publicUrl != null ? publicUrl : baseUrl();
    }

    Map<String, String> environment() {
        return environment;
    }

    List<String> buildArguments() {
        return toArguments(buildOptions);
    }

    List<String> startArguments() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("hostname", publicUrl());
        all.put("https-port", Integer.toString(httpsPort));
        all.put("http-enabled", "false");
        all.put("http-management-port", Integer.toString(managementPort));
        // One node per process unless clusterNode(...) says otherwise.
        all.put("cache", "local");
        all.putAll(runtimeOptions);
        List<String> arguments = new java.util.ArrayList<>(toArguments(all));
        arguments.add("--import-realm");
        return arguments;
    }

    private static List<String> toArguments(Map<String, String> options) {
        return options.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
    }
}
