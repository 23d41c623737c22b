package dev.jig.junit.internal;

import dev.jig.bench.BenchOptions;
import dev.jig.bench.BenchTimer;
import dev.jig.bench.Threshold;
import dev.jig.junit.BenchConfig;
import dev.jig.junit.JigConfigurationException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The {@code jig.bench.*} configuration keys, and the options of one test after its {@link BenchConfig}
 * annotations. Bad values fail with a message naming the key and the expected form.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
final class BenchSettings {

    static final String PREFIX = "jig.bench.";
    static final String BASELINE_DIR = "jig.bench.baseline.dir";
    static final String SAVE = "jig.bench.save";
    static final String COMPARE = "jig.bench.compare";
    static final String THRESHOLD = "jig.bench.threshold";
    /** Beside the module's sources, not in target/: a baseline must survive {@code mvn clean}. */
    static final Path DEFAULT_BASELINE_DIR = Path.of(".jig", "baselines");

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s)");
    private static final Pattern ROUNDS = Pattern.compile("(\\d+)\\s*rounds?");

    private final Function<String, Optional<String>> lookup;

    BenchSettings(Function<String, Optional<String>> lookup) {
        this.lookup = key -> lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** The options: defaults, then keys, then each annotation in order (class first, method last). */
    BenchOptions options(List<BenchConfig> annotations) {
        BenchOptions.Builder builder = BenchOptions.builder();
        get("group").ifPresent(builder::group);
        get("warmup").ifPresent(v -> warmup(builder, v, PREFIX + "warmup"));
        get("minRounds").ifPresent(v -> builder.minRounds(integer(v, PREFIX + "minRounds")));
        get("minTime").ifPresent(v -> builder.minTime(duration(v, PREFIX + "minTime")));
        get("maxTime").ifPresent(v -> builder.maxTime(duration(v, PREFIX + "maxTime")));
        get("timer").ifPresent(v -> builder.timer(timer(v, PREFIX + "timer")));
        get("gc").ifPresent(v -> builder.gcBetweenRounds(Boolean.parseBoolean(v)));
        for (BenchConfig a : annotations) {
            apply(builder, a);
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new JigConfigurationException("benchmark options are invalid: " + e.getMessage());
        }
    }

    private static void apply(BenchOptions.Builder builder, BenchConfig a) {
        String where = "@BenchConfig";
        if (!a.group().isBlank()) {
            builder.group(a.group());
        }
        if (!a.warmup().isBlank()) {
            warmup(builder, a.warmup(), where + "(warmup)");
        }
        if (a.minRounds() > 0) {
            builder.minRounds(a.minRounds());
        }
        if (!a.minTime().isBlank()) {
            builder.minTime(duration(a.minTime(), where + "(minTime)"));
        }
        if (!a.maxTime().isBlank()) {
            builder.maxTime(duration(a.maxTime(), where + "(maxTime)"));
        }
        if (!a.timer().isBlank()) {
            builder.timer(timer(a.timer(), where + "(timer)"));
        }
        if (a.gcBetweenRounds()) {
            builder.gcBetweenRounds(true);
        }
    }

    /** The threshold of a benchmark: annotation, then {@code jig.bench.threshold.<name>}, {@code .<group>}, global. */
    Threshold threshold(List<BenchConfig> annotations, String name, String group) {
        for (int i = annotations.size() - 1; i >= 0; i--) {
            if (!annotations.get(i).threshold().isBlank()) {
                return threshold(annotations.get(i).threshold(), "@BenchConfig(threshold)");
            }
        }
        Optional<String> specific = lookup.apply(THRESHOLD + "." + name)
                .or(() -> group == null ? Optional.empty() : lookup.apply(THRESHOLD + "." + group));
        return specific.or(() -> lookup.apply(THRESHOLD)).map(v -> threshold(v, THRESHOLD)).orElse(Threshold.DEFAULT);
    }

    Path baselineDir() {
        return lookup.apply(BASELINE_DIR).map(Path::of).orElse(DEFAULT_BASELINE_DIR).toAbsolutePath().normalize();
    }

    /** The id to save this run under ({@code "true"} or {@code "auto"}: {@code auto}), or empty. */
    Optional<String> save() {
        return lookup.apply(SAVE).filter(v -> !v.equalsIgnoreCase("false"));
    }

    /** {@code latest} or a saved run's id, or empty. */
    Optional<String> compare() {
        return lookup.apply(COMPARE).filter(v -> !v.equalsIgnoreCase("false"));
    }

    private Optional<String> get(String name) {
        return lookup.apply(PREFIX + name);
    }

    private static void warmup(BenchOptions.Builder builder, String value, String where) {
        Matcher rounds = ROUNDS.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (rounds.matches()) {
            builder.warmupRounds(Integer.parseInt(rounds.group(1)));
        } else {
            builder.warmupTime(duration(value, where + " (or '<n> rounds')"));
        }
    }

    static Duration duration(String value, String where) {
        Matcher m = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new JigConfigurationException(where + " is '" + value + "'; expected a duration like 500ms, "
                    + "1.5s, 200us or 100ns.");
        }
        double amount = Double.parseDouble(m.group(1));
        double nanosPerUnit = switch (m.group(2)) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            default -> 1e9;
        };
        return Duration.ofNanos(Math.round(amount * nanosPerUnit));
    }

    private static int integer(String value, String where) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new JigConfigurationException(where + " is '" + value + "'; expected a whole number.");
        }
    }

    private static BenchTimer timer(String value, String where) {
        try {
            return BenchTimer.byName(value);
        } catch (IllegalArgumentException e) {
            throw new JigConfigurationException(where + ": " + e.getMessage());
        }
    }

    private static Threshold threshold(String value, String where) {
        try {
            return Threshold.parse(value);
        } catch (IllegalArgumentException e) {
            throw new JigConfigurationException(where + ": " + e.getMessage());
        }
    }
}
