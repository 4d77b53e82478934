package fr.relais.rpps.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * A fresh database with the RPPS schema created by the real changelog, on H2 (in memory, in Keycloak's
 * compatibility settings) or on a real PostgreSQL server started from Maven artifacts, once per JVM.
 */
public final class TestDatabase {

    public static final String CHANGELOG = "META-INF/relais-rpps-changelog.xml";

    public enum Kind { H2, POSTGRESQL }

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private final Kind kind;
    private final DataSource dataSource;

    private TestDatabase(Kind kind, DataSource dataSource) {
        this.kind = kind;
        this.dataSource = dataSource;
    }

    public static TestDatabase create(Kind kind) {
        TestDatabase database = kind == Kind.H2 ? h2() : postgresql();
        database.applyChangelog();
        return database;
    }

    public Kind kind() {
        return kind;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs statements outside any import, e.g. to build Keycloak's user tables for a report test. */
    public void execute(String... statements) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestDatabase h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        // The flags Keycloak's H2 datasource uses (VALUE is a column of its USER_ATTRIBUTE table).
        h2.setURL("jdbc:h2:mem:rpps-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE");
        h2.setUser("sa");
        return new TestDatabase(Kind.H2, h2);
    }

    private static synchronized TestDatabase postgresql() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // The JVM is going away with the server's data directory.
                }
            }));
        }
        String name = "rpps_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new TestDatabase(Kind.POSTGRESQL, postgres.getDatabase("postgres", name));
    }

    @SuppressWarnings("deprecation")
    private void applyChangelog() {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database)
                    .update(new Contexts(), new LabelExpression());
        } catch (Exception e) {
            throw new IllegalStateException("changelog failed on " + kind + ": " + e.getMessage(), e);
        }
    }
}
