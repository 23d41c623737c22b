package dev.jig.junit.internal;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Jig's configuration keys, read from JUnit configuration parameters (system properties,
 * {@code junit-platform.properties}, launcher request) — see the README for the list.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Settings(Path reportDir) {

    /** Where {@code results.json} is written. */
    public static final String REPORT_DIR = "jig.report.dir";

    /** Which shard of the test classes to run, {@code i/n} (system property; see {@link ShardFilter}). */
    public static final String SHARD = "jig.shard";

    /** An earlier run's {@code results.json} whose durations balance the shards (system property). */
    public static final String SHARD_DURATIONS = "jig.shard.durations";

    /** The default report directory, relative to the working directory (the module under test). */
    public static final Path DEFAULT_REPORT_DIR = Path.of("target", "jig-report");

    /** Reads the settings through {@code lookup} (a configuration-parameter getter). */
    public static Settings from(Function<String, Optional<String>> lookup) {
        Path reportDir = lookup.apply(REPORT_DIR).filter(v -> !v.isBlank()).map(Path::of)
                .orElse(DEFAULT_REPORT_DIR);
        return new Settings(reportDir.toAbsolutePath().normalize());
    }
}
