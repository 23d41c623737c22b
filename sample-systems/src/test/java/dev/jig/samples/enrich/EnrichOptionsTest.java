package dev.jig.samples.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jig.samples.cli.CommandLine;
import dev.jig.samples.cli.UsageException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The service's command line: defaults, and errors that say what was expected. */
class EnrichOptionsTest {

    private static EnrichOptions parse(String... args) throws UsageException {
        return EnrichOptions.from(CommandLine.parse(args, EnrichOptions.NAMES));
    }

    @Test
    void onlyTheApiAndTheDatabaseAreRequired() throws UsageException {
        EnrichOptions options = parse("--upstream", "http://127.0.0.1:8080", "--db",
                "jdbc:postgresql://127.0.0.1:5432/postgres");

        assertThat(options.upstream()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(options.port()).isZero();
        assertThat(options.dbUser()).isEqualTo("postgres");
        assertThat(options.dbPassword()).isNull();
        assertThat(options.settings())
                .isEqualTo(new Enricher.Settings(4, Duration.ofSeconds(1), 2, Duration.ofMillis(50)));
    }

    @Test
    void anUpstreamThatIsNotAnHttpUrlIsRefusedWithAnExample() {
        assertThatThrownBy(() -> parse("--upstream", "127.0.0.1:8080", "--db", "jdbc:postgresql://h/db"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--upstream must be an http URL, e.g. http://127.0.0.1:8080, got '127.0.0.1:8080'");
    }

    @Test
    void aDatabaseThatIsNotPostgresIsRefused() {
        assertThatThrownBy(() -> parse("--upstream", "http://h:1", "--db", "jdbc:mysql://h/db"))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--db must be a PostgreSQL JDBC url");
    }

    @Test
    void aConcurrencyOfZeroIsRefused() {
        assertThatThrownBy(() -> parse("--upstream", "http://h:1", "--db", "jdbc:postgresql://h/db",
                "--concurrency", "0"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--concurrency must be between 1 and 1024, got 0");
    }
}
