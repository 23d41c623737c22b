package dev.jig.profile;

import dev.jig.support.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a {@link Profiler} records: an immutable value; every method returns a new one.
 *
 * <pre>{@code
 * ProfileOptions options = ProfileOptions.exact("com.acme").exclude("com.acme.generated");
 * ProfileOptions both = options.mode(ProfileMode.BOTH).interval(Duration.ofMillis(5));
 * }</pre>
 *
 * @param mode      exact, sampled or both
 * @param includes  packages or classes to instrument (exact only)
 * @param excludes  packages or classes never to instrument
 * @param interval  the sampling period (sampled only; default 10 ms)
 * @param cpuTime   with the JFR engine, sample with {@code jdk.CPUTimeSample} (JDK 25+) instead of
 *                  {@code jdk.ExecutionSample}
 * @param foldBelow tree paths below this share (0..1) of the whole fold into "(other)"; default 0.001
 * @param event     what the sampled profile counts; default {@link SampleEvent#CPU}
 * @param engine    which sampler records it; default {@link SamplingEngine#AUTO} (async-profiler, else JFR)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ProfileOptions(ProfileMode mode, List<String> includes, List<String> excludes, Duration interval,
                             boolean cpuTime, double foldBelow, SampleEvent event, SamplingEngine engine) {

    /** The default sampling period. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(10);

    /** The default share below which tree paths are folded. */
    public static final double DEFAULT_FOLD_BELOW = 0.001;

    public ProfileOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(engine, "engine");
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        interval = Durations.positive(interval, "interval");
        if (!(foldBelow >= 0 && foldBelow < 1)) {
            throw new IllegalArgumentException("foldBelow is a share of the whole between 0 and 1, got " + foldBelow);
        }
        if (mode.exact()) {
            PackagePatterns.of(includes, excludes); // says what is wrong with the patterns now, not at start
        }
    }

    /** The options of earlier versions: CPU samples by the default engine. */
    public ProfileOptions(ProfileMode mode, List<String> includes, List<String> excludes, Duration interval,
                          boolean cpuTime, double foldBelow) {
        this(mode, includes, excludes, interval, cpuTime, foldBelow, SampleEvent.CPU, SamplingEngine.AUTO);
    }

    /** An exact profile of the classes in {@code includes} (see {@link PackagePatterns}). */
    public static ProfileOptions exact(String... includes) {
        return new ProfileOptions(ProfileMode.EXACT, Arrays.asList(includes), List.of(), DEFAULT_INTERVAL, false,
                DEFAULT_FOLD_BELOW);
    }

    /** A sampled profile (CPU, async-profiler where it loads, else JFR) of all threads but Jig's own. */
    public static ProfileOptions sampled() {
        return new ProfileOptions(ProfileMode.SAMPLED, List.of(), List.of(), DEFAULT_INTERVAL, false,
                DEFAULT_FOLD_BELOW);
    }

    /** The same with another mode. */
    public ProfileOptions mode(ProfileMode value) {
        return new ProfileOptions(value, includes, excludes, interval, cpuTime, foldBelow, event, engine);
    }

    /** The same with more include patterns. */
    public ProfileOptions include(String... patterns) {
        List<String> more = new ArrayList<>(includes);
        more.addAll(Arrays.asList(patterns));
        return new ProfileOptions(mode, more, excludes, interval, cpuTime, foldBelow, event, engine);
    }

    /** The same with more exclude patterns. */
    public ProfileOptions exclude(String... patterns) {
        List<String> more = new ArrayList<>(excludes);
        more.addAll(Arrays.asList(patterns));
        return new ProfileOptions(mode, includes, more, interval, cpuTime, foldBelow, event, engine);
    }

    /** The same with another sampling period. */
    public ProfileOptions interval(Duration value) {
        return new ProfileOptions(mode, includes, excludes, value, cpuTime, foldBelow, event, engine);
    }

    /** The same, sampling CPU time ({@code jdk.CPUTimeSample}, JDK 25+ on Linux) when {@code value}. */
    public ProfileOptions cpuTime(boolean value) {
        return new ProfileOptions(mode, includes, excludes, interval, value, foldBelow, event, engine);
    }

    /** The same with another folding threshold (0 keeps every path). */
    public ProfileOptions foldBelow(double share) {
        return new ProfileOptions(mode, includes, excludes, interval, cpuTime, share, event, engine);
    }

    /** The same, sampling {@code value} (CPU, wall-clock, allocations or locks). */
    public ProfileOptions event(SampleEvent value) {
        return new ProfileOptions(mode, includes, excludes, interval, cpuTime, foldBelow, value, engine);
    }

    /** The same, sampled by {@code value}. */
    public ProfileOptions engine(SamplingEngine value) {
        return new ProfileOptions(mode, includes, excludes, interval, cpuTime, foldBelow, event, value);
    }

    PackagePatterns patterns() {
        return PackagePatterns.of(includes, excludes);
    }
}
