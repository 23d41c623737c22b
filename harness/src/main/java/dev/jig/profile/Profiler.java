package dev.jig.profile;

import dev.jig.record.ExactProfile;
import dev.jig.record.ProfileRecord;
import dev.jig.record.SampledProfile;
import dev.jig.record.Timeline;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Profiles this JVM from {@link #start} to {@link #stop}: an exact profile (every call of the selected classes,
 * timed by woven advice, the profile's own cost per call subtracted) and/or a sampled one (async-profiler where
 * it loads, else JFR; {@link dev.jig.record.SampledProfile#engine()} says which). With {@link ProfileMode#BOTH}
 * the calls are only counted, so that the samples' time is not inflated by the instrumentation. Exact profiles
 * are global to the JVM: one at a time.
 *
 * <pre>{@code
 * try (Profiler profiler = Profiler.start(ProfileOptions.exact("com.acme"))) {
 *     shop.checkout(cart);
 *     ProfileRecord profile = profiler.stop();
 *     profile.exact().flat().get(0);   // the method with the most self time
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Profiler implements AutoCloseable {

    private final ProfileOptions options;
    private final Instrumented exact;
    private final Sampler sampler;
    private final Timeline timeline;
    private ProfileRecord result;

    private Profiler(ProfileOptions options, Instrumented exact, Sampler sampler, Timeline timeline) {
        this.options = options;
        this.exact = exact;
        this.sampler = sampler;
        this.timeline = timeline;
    }

    /**
     * Starts profiling. Weaves the selected classes first if needed (attaching the agent at runtime, with one
     * warning, when the JVM was not started with {@code -javaagent}).
     *
     * @throws IllegalStateException if another exact profile is running, or the agent or sampler is unavailable
     */
    public static Profiler start(ProfileOptions options) {
        return start(options, Timeline.NONE);
    }

    /**
     * Like {@link #start(ProfileOptions)}, recording its steps as phases on {@code timeline}: {@code profile:
     * attach and weave} (the agent attached at runtime where needed, the selected classes woven), {@code profile:
     * measure call cost} (once per JVM), {@code profile: start sampler}; and at {@link #stop()}: {@code profile:
     * stop exact and merge} (the threads' call trees merged) and {@code profile: stop sampler} (the recording
     * stopped and read).
     */
    public static Profiler start(ProfileOptions options, Timeline timeline) {
        long entered = System.nanoTime(); // the first step's phase starts here: it includes loading its classes
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(timeline, "timeline");
        Instrumented instrumented = null;
        if (options.mode().exact()) {
            instrumented = Instrumented.start(options, timeline, entered);
        }
        try {
            Sampler sampler = null;
            if (options.mode().sampled()) {
                long since = instrumented == null ? entered : System.nanoTime();
                try (var span = timeline.span("profile: start sampler", since)) {
                    sampler = Sampler.start(options);
                }
            }
            return new Profiler(options, instrumented, sampler, timeline);
        } catch (RuntimeException | Error e) {
            if (instrumented != null) {
                instrumented.stop(options);
            }
            throw e;
        }
    }

    /**
     * Loads async-profiler now, if it can load, and returns the engine that sampled profiles will use by default:
     * {@code async-profiler} or {@code jfr}. Code the JIT compiles after async-profiler loaded carries the debug
     * information that names methods inlined into others, so Jig calls this when a test session opens.
     */
    public static String preloadSampler() {
        return AsyncProfilerLibrary.available() ? SampledProfile.ASYNC_PROFILER : SampledProfile.JFR;
    }

    /** Why async-profiler cannot load in this JVM, or null when it can (or was not tried yet). */
    public static String asyncProfilerUnavailableReason() {
        return AsyncProfilerLibrary.unavailableReason();
    }

    /** Whether the JVM's sampler has {@code jdk.CPUTimeSample} (JDK 25+ on Linux). */
    public static boolean cpuTimeSamplerAvailable() {
        return JfrSampler.cpuTimeSamplerAvailable();
    }

    /** Stops profiling and returns what was recorded; later calls return the same. */
    public synchronized ProfileRecord stop() {
        long entered = System.nanoTime(); // the first step's phase starts here, as in start
        if (result != null) {
            return result;
        }
        ExactProfile exactProfile = null;
        SampledProfile sampledProfile = null;
        try {
            if (exact != null) {
                try (var span = timeline.span("profile: stop exact and merge", entered)) {
                    exactProfile = exact.stop(options);
                }
            }
        } finally {
            if (sampler != null) {
                long since = exact == null ? entered : System.nanoTime();
                try (var span = timeline.span("profile: stop sampler", since)) {
                    sampledProfile = sampler.stop();
                }
            }
        }
        result = new ProfileRecord(exactProfile, sampledProfile);
        return result;
    }

    /** Same as {@link #stop()}, result discarded. */
    @Override
    public void close() {
        stop();
    }
}
