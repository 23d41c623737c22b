package dev.jig.bench;

import dev.jig.record.BaselineComparison;
import dev.jig.record.BenchmarkRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Predicate;
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

    /** {@link dev.jig.record.BaselineComparison#baselineId()} of an interleaved comparison. */
    public static final String INTERLEAVED_BASELINE = "baseline action";

    /** How many more runs {@link #run} measures while a benchmark is a close call ({@link #confirmWhen}). */
    static final int MAX_CONFIRMATIONS = 2;

    /** How many times {@link #compare} measures {@code maxTime} more when its verdict is inconclusive. */
    static final int MAX_MORE = 2;
    private static final long MEGABYTE = 1024 * 1024;

    private final BenchOptions options;
    private final List<BenchmarkRecord> results;
    private final Blackhole blackhole;
    /** The threshold of {@link #compare(String, BenchAction, BenchAction)}, by benchmark name and group. */
    private final BiFunction<String, String, Threshold> thresholds;
    /** Which measurements of {@link #run} are measured again before they count ({@link #confirmWhen}). */
    private final Predicate<BenchmarkRecord> closeCall;

    private Bench(BenchOptions options, List<BenchmarkRecord> results, Blackhole blackhole,
                  BiFunction<String, String, Threshold> thresholds, Predicate<BenchmarkRecord> closeCall) {
        this.options = Objects.requireNonNull(options, "options");
        this.results = results;
        this.blackhole = blackhole;
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.closeCall = Objects.requireNonNull(closeCall, "closeCall");
    }

    /** A bench with the default options. */
    public static Bench create() {
        return create(BenchOptions.DEFAULTS);
    }

    /** A bench with these options. */
    public static Bench create(BenchOptions options) {
        return new Bench(options, new ArrayList<>(), new Blackhole(), (name, group) -> Threshold.DEFAULT, r -> false);
    }

    /** A view of this bench with other options; its results are this bench's. */
    public Bench with(BenchOptions other) {
        return new Bench(other, results, blackhole, thresholds, closeCall);
    }

    /**
     * A view of this bench whose {@link #compare(String, BenchAction, BenchAction)} takes its threshold from
     * {@code thresholds}, given the benchmark's name and group (a Jig test's bench: from {@code
     * @BenchConfig(threshold)} and {@code jig.bench.threshold}, as a saved-baseline comparison does); its results
     * are this bench's.
     */
    public Bench thresholds(BiFunction<String, String, Threshold> thresholds) {
        return new Bench(options, results, blackhole, thresholds, closeCall);
    }

    /**
     * A view of this bench whose {@link #run} measures a benchmark again, with a fresh measuring loop, while
     * {@code closeCall} says its rounds so far are a close call (at most {@value #MAX_CONFIRMATIONS} more runs), and
     * keeps the rounds of all its runs. A Jig test
     * comparing with a saved baseline passes {@link BaselineCheck#closeCall}: a run that looks like a regression,
     * or is within two noise widths of the threshold, is measured again before it fails a test or passes a
     * slowdown (one run in twenty or so is an outlier of ±5 % on a shared machine: its own JIT compilation and
     * moment of the machine). Its results are this bench's.
     */
    public Bench confirmWhen(Predicate<BenchmarkRecord> closeCall) {
        return new Bench(options, results, blackhole, thresholds, closeCall);
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
        requireName(name);
        Measurement first = new Measurement(options,
                LoopCopies.fresh(ActionLoop.class, action, blackhole, options.timer()));
        Measurement.Samples samples = measure(name, first::calibrated);
        BenchmarkRecord result = toRecord(name, samples, first.resolution(), List.of());
        int runs = 1;
        while (runs <= MAX_CONFIRMATIONS && closeCall.test(result)) {
            Measurement again = new Measurement(options,
                    LoopCopies.fresh(ActionLoop.class, action, blackhole, options.timer()));
            double before = result.stats().median();
            samples = samples.followedBy(measure(name, again::calibrated));
            runs++;
            result = toRecord(name, samples, first.resolution(), List.of(String.format(Locale.ROOT, "measured %s: "
                    + "a close call against the baseline (median %.1f ns after %d run%s), so the rounds of %d runs "
                    + "with fresh measuring loops are judged together", runs == 2 ? "twice" : runs + " times",
                    before, runs - 1, runs == 2 ? "" : "s", runs)));
        }
        results.add(result);
        return result;
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
        requireName(name);
        BenchmarkRecord result = toRecord(name, measure(name, () -> measurement.fixed(spec.rounds(),
                spec.iterations(), spec.warmupRounds())), measurement.resolution(), List.of());
        results.add(result);
        return result;
    }

    /**
     * Measures {@code candidate} against {@code baseline} interleaved, with this bench's threshold for the name
     * ({@link #thresholds}; by default {@link Threshold#DEFAULT}); see {@link #compare(String, Threshold,
     * BenchAction, BenchAction)}.
     */
    public BenchmarkRecord compare(String name, BenchAction<?> baseline, BenchAction<?> candidate) {
        requireName(name);
        return compare(name, thresholds.apply(name, options.group()), baseline, candidate);
    }

    /**
     * Measures two versions of an operation in one go and judges whether {@code candidate} is slower than
     * {@code baseline}: both are warmed up and calibrated, then timed in round pairs, alternately
     * baseline-candidate and candidate-baseline, so a load change that slows one round slows the other of its
     * pair alike. The verdict is taken of the pairs' ratios (the threshold's statistic of them, and a sign test
     * on them; see the README's "Two versions in one run"); a verdict beyond the threshold but not significant
     * measures {@code maxTime} more, at most twice. Where both versions are at hand (an old
     * and a new implementation, a setting on and off) this tells a 10 % slowdown from noise on a busy machine,
     * which a comparison with a run saved earlier cannot always do.
     *
     * <pre>{@code
     * BenchmarkRecord decode = bench.compare("decode", () -> oldCodec.decode(bytes), () -> newCodec.decode(bytes));
     * decode.baseline().deltaPercent();   // e.g. +12.3: the new codec is 12.3 % slower
     * decode.baseline().regression();     // true: beyond median:5 % and significant
     * }</pre>
     *
     * The record is the candidate's measurement with the verdict in {@link BenchmarkRecord#baseline()}
     * ({@code method} {@code "interleaved"}, {@code mean} the baseline action's); it joins {@link #results()}.
     * A regression fails a Jig test after it ran, with {@link BenchmarkRegressionException} (as a regression
     * against a saved baseline does); outside JUnit, {@link BaselineCheck#regressions} gives the message.
     *
     * @throws BenchmarkFailedException if either action throws, naming which
     */
    public BenchmarkRecord compare(String name, Threshold threshold, BenchAction<?> baseline,
                                   BenchAction<?> candidate) {
        requireName(name);
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(candidate, "candidate");
        Interleaved interleaved = new Interleaved(options,
                LoopCopies.fresh(ActionLoop.class, baseline, blackhole, options.timer()),
                LoopCopies.fresh(ActionLoop.class, candidate, blackhole, options.timer()));
        Interleaved.Pairs pairs;
        BaselineComparison verdict;
        try {
            pairs = interleaved.measure();
            verdict = PairedVerdict.judge(pairs, threshold, INTERLEAVED_BASELINE);
            // Beyond the threshold but not significant: too few undisturbed pairs (a burst of load) to tell.
            // Measure more pairs, a bounded number of times, rather than pass a slowdown unseen.
            for (int more = 0; more < MAX_MORE && verdict.deltaPercent() > threshold.percent()
                    && !verdict.regression(); more++) {
                pairs = interleaved.more(pairs, Interleaved.MIN_PAIRS);
                verdict = PairedVerdict.judge(pairs, threshold, INTERLEAVED_BASELINE);
            }
        } catch (Interleaved.ActionFailed e) {
            throw new BenchmarkFailedException("benchmark '" + name + "' failed: its " + e.which()
                    + " action threw " + e.getCause(), e.getCause());
        }
        Stats stats = Stats.of(pairs.candidate(), pairs.candidateIterations());
        List<String> warnings = Floor.warnings(stats.summary(), pairs.candidateIterations(),
                TimerResolution.of(options.timer()), options.timer());
        BenchmarkRecord result = new BenchmarkRecord(name, options.group(), "ns", stats.summary(), "bench",
                verdict, null, stats.percentiles(),
                stats.histogram(), Arrays.stream(pairs.candidate()).boxed().toList(), List.of(), warnings, null);
        results.add(result);
        return result;
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

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a benchmark needs a name, got '" + name + "'");
        }
    }

    private static Measurement.Samples measure(String name, Measure measure) {
        try {
            return measure.get();
        } catch (Exception e) {
            throw new BenchmarkFailedException("benchmark '" + name + "' failed: its action threw " + e, e);
        }
    }

    private BenchmarkRecord toRecord(String name, Measurement.Samples samples, long resolution, List<String> notes) {
        Stats stats = Stats.of(samples.perOperation(), samples.iterations());
        List<String> warnings = new ArrayList<>(
                Floor.warnings(stats.summary(), samples.iterations(), resolution, options.timer()));
        if (samples.remeasured() == Measurement.MAX_REMEASURES && samples.compiledWhileMeasuring()
                && Measurement.stillGettingFaster(samples)) {
            warnings.add("the code was still getting faster while measured (the JIT compiled meanwhile, and the "
                    + "first rounds were over " + Math.round((Measurement.DRIFT - 1) * 100) + " % slower than the "
                    + "last, also after measuring again " + samples.remeasured() + " times): give it a longer "
                    + "warmup (warmup = \"2s\")");
        } else if (samples.remeasured() == Measurement.MAX_REMEASURES && samples.heapGrew()
                && Measurement.drifted(samples)) {
            warnings.add("the heap grew while measured (from " + samples.heapBefore() / MEGABYTE + " to "
                    + samples.heapAfter() / MEGABYTE + " MB committed) and the rounds drifted by over "
                    + Math.round((Measurement.DRIFT - 1) * 100) + " % between the first and the last, also after "
                    + "measuring again " + samples.remeasured() + " times: new memory is slow on first use, so give "
                    + "the test JVM a fixed, pre-touched heap (-Xms equal to -Xmx, and -XX:+AlwaysPreTouch) or a "
                    + "longer warmup (warmup = \"2s\")");
        }
        warnings.addAll(notes);
        return new BenchmarkRecord(name, options.group(), "ns", stats.summary(), "bench", null,
                null, stats.percentiles(), stats.histogram(),
                Arrays.stream(samples.perOperation()).boxed().toList(),
                Arrays.stream(samples.calibration()).boxed().toList(), warnings, null);
    }
}
