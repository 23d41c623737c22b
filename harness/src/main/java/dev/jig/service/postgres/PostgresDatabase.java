package dev.jig.service.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import org.apiguardian.api.API;

/**
 * One database of a {@link PostgresServer}, cloned from its template (so it holds what the init SQL made):
 * typically one per test. Closing it drops it in the background, ending connections left open.
 *
 * <pre>{@code
 * try (PostgresDatabase db = server.newDatabase()) {
 *     startService("--db", db.jdbcUrl(), "--db-user", db.user());
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class PostgresDatabase implements AutoCloseable {

    private final PostgresServer server;
    private final String name;
    private boolean dropped;

    PostgresDatabase(PostgresServer server, String name) {
        this.server = server;
        this.name = name;
    }

    /** Its name, e.g. {@code "t_3"}. */
    public String name() {
        return name;
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<name>}. */
    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    /** The user to connect as ({@value PostgresServer#USER}, no password). */
    public String user() {
        return PostgresServer.USER;
    }

    /** The server it lives on. */
    public PostgresServer server() {
        return server;
    }

    /** A new connection to it; close it. */
    public Connection connect() throws SQLException {
        return server.connect(name);
    }

    /**
     * Drops it, in the background (connections still open to it are ended): the next test need not wait. Idempotent;
     * does nothing once the server stopped. A failed drop is thrown by {@link PostgresServer#stop()}.
     */
    @Override
    public synchronized void close() {
        if (!dropped) {
            dropped = true;
            server.drop(this);
        }
    }

    @Override
    public String toString() {
        return "PostgresDatabase[" + name + " on " + server.name() + "]";
    }
}
