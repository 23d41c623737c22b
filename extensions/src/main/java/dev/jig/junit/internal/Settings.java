package dev.jig.junit.internal;

import dev.jig.junit.JigConfigurationException;
import dev.jig.support.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Jig's session-wide configuration keys, read from JUnit configuration parameters (system properties,
 * {@code junit-platform.properties}, launcher request) — see the README for the list.
 *
 * @param reportDir      where {@code results.json} and {@code index.html} are written
 * @param testTimeout    the deadline of a test body when JUnit gives none ({@code null}: no Jig deadline)
 * @param grace          how long a test has to return after Jig unblocked it, before it is recorded as hung
 * @param exitWhenHung   whether to end the JVM once a hung test's report is written
 * @param sessionTimeout the deadline of the whole launcher session, or {@code null}
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Settings(Path reportDir, Duration testTimeout, Duration grace, boolean exitWhenHung,
                       Duration sessionTimeout) {

    /** Where {@code results.json} is written. */
    public static final String REPORT_DIR = "jig.report.dir";
    /** A test body's deadline when no JUnit {@code @Timeout} or timeout key gives one; {@code off} for none. */
    public static final String TEST_TIMEOUT = "jig.test.timeout";
    /** After the deadline, how long a test unblocked by Jig may take to return before it counts as hung. */
    public static final String TEST_TIMEOUT_GRACE = "jig.test.timeout.grace";
    /** Whether the JVM ends (exit code 3) once the report of a hung test is written; default: true under CI=true. */
    public static final String HUNG_EXIT = "jig.test.hung.exit";
    /**
     * Whether a test's systems stop in the background: the polite signal is sent and the next test starts; the exit
     * code, output and stop phase still reach the test's record before the report is written.
     */
    public static final String STOP_IN_BACKGROUND = "jig.stop.background";
    /** How long the session's end waits at most for systems still stopping in the background. */
    public static final java.time.Duration LATE_STOPS_WAIT = java.time.Duration.ofSeconds(30);
    /** The deadline of the whole launcher session (a Surefire fork, an IDE run); none by default. */
    public static final String SESSION_TIMEOUT = "jig.session.timeout";

    /**
     * Where the test JVM's threads blocked during each test body — socket reads and writes, parks, monitor waits
     * of at least this long (e.g. {@code 1ms}) — into the test's trace; {@code off} (the default) records none.
     */
    public static final String WAITS = "jig.waits";

    /** Which shard of the test classes to run, {@code i/n} (system property; see {@link ShardFilter}). */
    public static final String SHARD = "jig.shard";

    /** An earlier run's {@code results.json} whose durations balance the shards (system property). */
    public static final String SHARD_DURATIONS = "jig.shard.durations";

    /** The default report directory, relative to the working directory (the module under test). */
    public static final Path DEFAULT_REPORT_DIR = Path.of("target", "jig-report");
    /** The default of {@value #TEST_TIMEOUT}. */
    public static final Duration DEFAULT_TEST_TIMEOUT = Duration.ofMinutes(5);
    /** The default of {@value #TEST_TIMEOUT_GRACE}. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    /** Reads the settings through {@code lookup} (a configuration-parameter getter). */
    public static Settings from(Function<String, Optional<String>> lookup) {
        Path reportDir = value(lookup, REPORT_DIR).map(Path::of).orElse(DEFAULT_REPORT_DIR);
        Duration testTimeout = value(lookup, TEST_TIMEOUT).map(v -> offOr(v, TEST_TIMEOUT))
                .orElse(Optional.of(DEFAULT_TEST_TIMEOUT)).orElse(null);
        Duration grace = value(lookup, TEST_TIMEOUT_GRACE).map(v -> duration(v, TEST_TIMEOUT_GRACE))
                .orElse(DEFAULT_GRACE);
        boolean exit = value(lookup, HUNG_EXIT).map(v -> bool(v, HUNG_EXIT))
                .orElse("true".equalsIgnoreCase(System.getenv("CI")));
        Duration session = value(lookup, SESSION_TIMEOUT).flatMap(v -> offOr(v, SESSION_TIMEOUT)).orElse(null);
        return new Settings(reportDir.toAbsolutePath().normalize(), testTimeout, grace, exit, session);
    }

    /** The threshold of {@value #WAITS}, or empty when it is off. */
    public static Optional<Duration> waitThreshold(Function<String, Optional<String>> lookup) {
        return value(lookup, WAITS).flatMap(v -> offOr(v, WAITS));
    }

    private static Optional<String> value(Function<String, Optional<String>> lookup, String key) {
        return lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static Optional<Duration> offOr(String value, String key) {
        if (value.equalsIgnoreCase("off") || value.equals("0")) {
            return Optional.empty();
        }
        return Optional.of(duration(value, key));
    }

    private static Duration duration(String value, String key) {
        try {
            return Durations.positive(Durations.parse(value, key), key);
        } catch (IllegalArgumentException e) {
            throw new JigConfigurationException(e.getMessage());
        }
    }

    private static boolean bool(String value, String key) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new JigConfigurationException(key + " must be true or false, got '" + value + "'.");
    }
}
