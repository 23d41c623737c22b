package dev.jig.samples.enrich;

import dev.jig.samples.cli.CommandLine;
import dev.jig.samples.cli.UsageException;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * The enrichment service's command line, checked.
 *
 * <pre>{@code
 * EnrichOptions options = EnrichOptions.from(CommandLine.parse(args, EnrichOptions.NAMES));
 * }</pre>
 */
record EnrichOptions(int port, URI upstream, String db, String dbUser, String dbPassword, Enricher.Settings settings) {

    static final Set<String> NAMES = Set.of("port", "upstream", "db", "db-user", "db-password", "concurrency",
            "item-timeout-ms", "retries", "backoff-ms");

    static EnrichOptions from(CommandLine line) throws UsageException {
        URI upstream = upstream(line.required("upstream"));
        String db = line.required("db");
        if (!db.startsWith("jdbc:postgresql:")) {
            throw new UsageException("--db must be a PostgreSQL JDBC url (jdbc:postgresql://HOST:PORT/DB), got '"
                    + db + "'");
        }
        String user = line.optional("db-user");
        Enricher.Settings settings = new Enricher.Settings(
                line.intValue("concurrency", 4, 1, 1024),
                Duration.ofMillis(line.intValue("item-timeout-ms", 1000, 1, Integer.MAX_VALUE)),
                line.intValue("retries", 2, 0, 100),
                Duration.ofMillis(line.intValue("backoff-ms", 50, 0, 60_000)));
        return new EnrichOptions(line.intValue("port", 0, 0, 65535), upstream, db,
                user == null ? "postgres" : user, line.optional("db-password"), settings);
    }

    private static URI upstream(String value) throws UsageException {
        try {
            URI uri = URI.create(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below, with an example
        }
        throw new UsageException("--upstream must be an http URL, e.g. http://127.0.0.1:8080, got '" + value + "'");
    }
}
