package dev.jig.samples.enrich;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * Enriched items in PostgreSQL, table {@code enriched_item (customer_id, item_id, details jsonb, enriched_at)},
 * created if absent. A connection per batch: the service's batches are few and large.
 *
 * <pre>{@code
 * Store store = JdbcStore.open("jdbc:postgresql://127.0.0.1:5432/postgres", "jig", "");
 * }</pre>
 */
public final class JdbcStore implements Store {

    static final String CREATE = """
            CREATE TABLE IF NOT EXISTS enriched_item (
                customer_id text NOT NULL,
                item_id     text NOT NULL,
                details     jsonb NOT NULL,
                enriched_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (customer_id, item_id))""";

    // Idempotent: a retried batch updates the rows it wrote before instead of failing or duplicating them.
    static final String UPSERT = """
            INSERT INTO enriched_item (customer_id, item_id, details) VALUES (?, ?, ?::jsonb)
            ON CONFLICT (customer_id, item_id) DO UPDATE SET details = excluded.details, enriched_at = now()""";

    private final String url;
    private final Properties credentials;

    private JdbcStore(String url, Properties credentials) {
        this.url = url;
        this.credentials = credentials;
    }

    /** Connects once to create the table if absent; fails if the database cannot be reached. */
    public static JdbcStore open(String url, String user, String password) throws StoreException {
        Properties credentials = new Properties();
        credentials.setProperty("user", user);
        if (password != null) {
            credentials.setProperty("password", password);
        }
        JdbcStore store = new JdbcStore(url, credentials);
        try (Connection connection = store.connect(); Statement statement = connection.createStatement()) {
            statement.execute(CREATE);
        } catch (SQLException e) {
            throw new StoreException("cannot prepare table enriched_item in " + url + ": " + e.getMessage(), e);
        }
        return store;
    }

    @Override
    public int save(String customerId, List<Enriched> items) throws StoreException {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                for (Enriched item : items) {
                    upsert.setString(1, customerId);
                    upsert.setString(2, item.itemId());
                    upsert.setString(3, item.details());
                    upsert.addBatch();
                }
                upsert.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback); // the first failure is the one to report
                }
                throw e;
            }
            return items.size();
        } catch (SQLException e) {
            throw new StoreException("saving " + items.size() + " item(s) of " + customerId + " into " + url
                    + " failed: " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, credentials);
    }
}
