package fr.relais.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server of the appliance's major version, run from the binaries of a Maven artifact (no
 * database installed on the machine), its data in a folder of the instance so it survives a restart of
 * the same folder and goes away with it. Stopped by {@link #close()} and, should the JVM end first, by
 * the shutdown hook the server registers.
 */
public final class PostgresServer implements AutoCloseable {

    static final String DATABASE = "postgres";
    static final String USER = "postgres";

    private final EmbeddedPostgres server;
    private final boolean fresh;

    private PostgresServer(EmbeddedPostgres server, boolean fresh) {
        this.server = server;
        this.fresh = fresh;
    }

    /** Starts the server on a free port, creating its cluster in {@code dataDir} if there is none yet. */
    public static PostgresServer start(Path dataDir, Path log) {
        try {
            boolean fresh = !Files.isRegularFile(dataDir.resolve("PG_VERSION"));
            Files.createDirectories(dataDir);
            Files.createDirectories(log.toAbsolutePath().getParent());
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(true)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    // Room for Keycloak's pool next to the import's own connection.
                    .setServerConfig("max_connections", "100")
                    .start();
            return new PostgresServer(server, fresh);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL in " + dataDir, e);
        }
    }

    /** True when this start created the cluster: nothing of Keycloak's is in it yet. */
    public boolean fresh() {
        return fresh;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE;
    }

    /** The superuser Keycloak connects as (the server trusts local connections). */
    public String user() {
        return USER;
    }

    public int port() {
        return server.getPort();
    }

    /** Stops the server; a second call does nothing. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop PostgreSQL on port " + server.getPort(), e);
        }
    }
}
