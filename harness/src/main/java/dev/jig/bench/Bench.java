package dev.jig.bench;

import dev.jig.record.BenchmarkRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Benchmarks code inside a test: warms up, calibrates how many operations a round needs to last well above
 * the timer's resolution, measures rounds until enough rounds and time, and returns the statistics as a
 * {@link BenchmarkRecord}. Every result of the action goes into a {@link Blackhole}.
 *
 * <pre>{@code
 * Bench bench = Bench.create(BenchOptions.builder().group("codec").build());
 * BenchmarkRecord encode = bench.run("encode", () -> codec.encode(message));
 * BenchmarkRecord decode = bench.run("decode", () -> codec.decode(bytes));
 * List<BenchmarkRecord> all = bench.results();   // each with its speed relative to the fastest of the group
 * }</pre>
 *
 * Not thread-safe: one bench measures one thing at a time (measuring in parallel would disturb both).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Bench {

    private final BenchOptions options;
    private final List<BenchmarkRecord> results;
    private final Blackhole blackhole;

    private Bench(BenchOptions options, List<BenchmarkRecord> results, Blackhole blackhole) {
        this.options = Objects.requireNonNull(options, "options");
        this.results = results;
        this.blackhole = blackhole;
    }

    /** A bench with the default options. */
    public static Bench create() {
        return create(BenchOptions.DEFAULTS);
    }

    /** A bench with these options. */
    public static Bench create(BenchOptions options) {
        return new Bench(options, new ArrayList<>(), new Blackhole());
    }

    /** A view of this bench with other options; its results are this bench's. */
    public Bench with(BenchOptions other) {
        return new Bench(other, results, blackhole);
    }

    /** A view of this bench measuring into {@code group}; its results are this bench's. */
    public Bench group(String group) {
        return with(options.toBuilder().group(group).build());
    }

    /** The options this bench measures with. */
    public BenchOptions options() {
        return options;
    }

    /** The measured resolution of this bench's timer in nanoseconds (measured once per timer and JVM). */
    public long timerResolutionNanos() {
        return TimerResolution.of(options.timer());
    }

    /** The blackhole results go into, for values an action computes but does not return. */
    public Blackhole blackhole() {
        return blackhole;
    }

    /** Measures {@code action}, consuming every result; throws {@link BenchmarkFailedException} if it throws. */
    public <T> BenchmarkRecord run(String name, BenchAction<T> action) {
        Objects.requireNonNull(action, "action");
        Measurement measurement = new Measurement(options,
                LoopCopies.fresh(ActionLoop.class, action, blackhole, options.timer()));
        return record(name, () -> measurement.calibrated(), measurement.resolution());
    }

    /** Measures an action that returns nothing. */
    public BenchmarkRecord run(String name, BenchTask task) {
        Objects.requireNonNull(task, "task");
        return run(name, () -> {
            task.run();
            return null;
        });
    }

    /** Measures in the explicit form: setup and teardown per round, fixed rounds and iterations. */
    public <S> BenchmarkRecord pedantic(String name, Pedantic<S> spec) {
        Objects.requireNonNull(spec, "spec");
        @SuppressWarnings("unchecked")
        Pedantic<Object> untyped = (Pedantic<Object>) spec;
        Measurement measurement = new Measurement(options,
                LoopCopies.fresh(PedanticLoop.class, untyped, blackhole, options.timer()));
        return record(name, () -> measurement.fixed(spec.rounds(), spec.iterations(), spec.warmupRounds()),
                measurement.resolution());
    }

    /** All benchmarks measured so far, in order, each grouped one relative to the fastest of its group. */
    public List<BenchmarkRecord> results() {
        return Groups.relative(results);
    }

    /** Adds an already measured benchmark (an imported JMH result, say) so that groups and baselines see it. */
    public void add(BenchmarkRecord benchmark) {
        results.add(Objects.requireNonNull(benchmark, "benchmark"));
    }

    private interface Measure {
        Measurement.Samples get() throws Exception;
    }

    private BenchmarkRecord record(String name, Measure measure, long resolution) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a benchmark needs a name, got '" + name + "'");
        }
        Measurement.Samples samples;
        try {
            samples = measure.get();
        } catch (Exception e) {
            throw new BenchmarkFailedException("benchmark '" + name + "' failed: its action threw " + e, e);
        }
        Stats stats = Stats.of(samples.perOperation(), samples.iterations());
        List<String> warnings = new ArrayList<>(
                Floor.warnings(stats.summary(), samples.iterations(), resolution, options.timer()));
        if (samples.remeasured() == Measurement.MAX_REMEASURES && samples.compiledWhileMeasuring()
                && Measurement.stillGettingFaster(samples)) {
            warnings.add("the code was still getting faster while measured (the JIT compiled meanwhile, and the "
                    + "first rounds were over " + Math.round((Measurement.DRIFT - 1) * 100) + " % slower than the "
                    + "last, also after measuring again " + samples.remeasured() + " times): give it a longer "
                    + "warmup (warmup = \"2s\")");
        }
        BenchmarkRecord result = new BenchmarkRecord(name, options.group(), "ns", stats.summary(), "bench", null,
                null, stats.percentiles(), stats.histogram(),
                Arrays.stream(samples.perOperation()).boxed().toList(),
                Arrays.stream(samples.calibration()).boxed().toList(), warnings, null);
        results.add(result);
        return result;
    }
}
