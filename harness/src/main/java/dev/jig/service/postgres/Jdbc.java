package dev.jig.service.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** JDBC without a compile-time driver: the PostgreSQL driver is found at run time, or the message names it. */
final class Jdbc {

    /** How long one of Jig's own statements may take. */
    static final java.time.Duration STATEMENT_TIMEOUT = java.time.Duration.ofSeconds(60);

    private Jdbc() {
    }

    /** A connection for Jig's own statements: bounded waits, so that a hung server fails the test, not hangs it. */
    static Connection maintenance(PostgresServer server, String url) throws SQLException {
        Properties properties = credentials();
        properties.setProperty("socketTimeout", String.valueOf(STATEMENT_TIMEOUT.toSeconds()));
        properties.setProperty("ApplicationName", "jig");
        return open(server, url, properties);
    }

    static Connection connect(PostgresServer server, String url) throws SQLException {
        return open(server, url, credentials());
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the server is going away anyway
            }
        }
    }

    private static Properties credentials() {
        Properties properties = new Properties();
        properties.setProperty("user", PostgresServer.USER);
        properties.setProperty("password", "");
        properties.setProperty("connectTimeout", "10");
        return properties;
    }

    private static Connection open(PostgresServer server, String url, Properties properties) throws SQLException {
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL '" + server.name() + "' runs at " + server.address()
                    + ", but there is no PostgreSQL JDBC driver on the class path to connect with. Add the "
                    + "dependency " + PostgresServer.DRIVER + " (test scope).", e);
        }
        return DriverManager.getConnection(url, properties);
    }
}
