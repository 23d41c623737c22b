package dev.jig.bench;

import dev.jig.record.BaselineComparison;
import dev.jig.record.BenchmarkRecord;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Compares benchmarks with a saved run. A benchmark <em>regressed</em> when its threshold statistic grew by
 * more than the threshold <em>and</em> a one-sided Mann-Whitney U test on the kept samples says the current
 * rounds are slower than the baseline's rounds scaled up by the threshold (p &lt; {@value #ALPHA}): the
 * spread of both runs decides, not the bare difference of two means.
 *
 * <pre>{@code
 * BaselineCheck check = new BaselineCheck(Thresholds.of(Threshold.parse("mean:10%")));
 * BenchmarkRecord compared = check.compare(current, saved, "latest");
 * if (compared.baseline().regression()) { ... }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class BaselineCheck {

    /** The significance level of both tests. */
    public static final double ALPHA = 0.01;

    private final Thresholds thresholds;

    /** A check applying {@code thresholds}. */
    public BaselineCheck(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** Every benchmark of {@code scope} that {@code baseline} has, compared; the others unchanged. */
    public List<BenchmarkRecord> compareAll(String scope, List<BenchmarkRecord> current, Baseline baseline) {
        Map<String, BenchmarkRecord> saved = baseline.benchmarks();
        return current.stream().map(b -> Optional.ofNullable(saved.get(Baseline.key(scope, b.name())))
                .map(s -> compare(b, s, baseline.id())).orElse(b)).toList();
    }

    /** {@code current} with its comparison to {@code saved} (of run {@code baselineId}). */
    public BenchmarkRecord compare(BenchmarkRecord current, BenchmarkRecord saved, String baselineId) {
        Threshold threshold = thresholds.forBenchmark(current.name(), current.group());
        double before = threshold.of(saved.stats());
        double delta = before == 0 ? 0 : (threshold.of(current.stats()) - before) / before * 100;
        boolean exceeded = delta > threshold.percent();
        if (current.samples().size() < 2 || saved.samples().size() < 2) {
            // Without raw data there is no spread to judge by: say so, and fall back to the bare difference.
            return current.withBaseline(new BaselineComparison(saved.stats().mean(), delta, false, baselineId,
                    threshold.toString(), "difference (no samples kept)", null, exceeded));
        }
        double factor = 1 + threshold.percent() / 100;
        double pSlower = MannWhitney.greaterP(current.samples(), saved.samples(), factor);
        double pDifferent = MannWhitney.differentP(current.samples(), saved.samples());
        return current.withBaseline(new BaselineComparison(saved.stats().mean(), delta, pDifferent < ALPHA,
                baselineId, threshold.toString(), MannWhitney.NAME, pSlower, exceeded && pSlower < ALPHA));
    }

    /** A message naming each regressed benchmark, or empty when none regressed. */
    public static Optional<String> regressions(String scope, List<BenchmarkRecord> compared) {
        List<String> lines = compared.stream().filter(b -> b.baseline() != null && b.baseline().regression())
                .map(b -> describe(scope, b)).toList();
        return lines.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", lines));
    }

    private static String describe(String scope, BenchmarkRecord b) {
        BaselineComparison c = b.baseline();
        String p = c.pValue() == null ? "" : String.format(Locale.ROOT, ", %s p=%.2g", c.method(), c.pValue());
        return String.format(Locale.ROOT, "benchmark '%s' in %s is %.1f %% slower than baseline '%s' "
                        + "(mean %.1f ns -> %.1f ns; threshold %s%s). If the slowdown is expected, save a new "
                        + "baseline (jig.bench.save) or raise the threshold (jig.bench.threshold).",
                b.name(), scope, c.deltaPercent(), c.baselineId(), c.mean(), b.stats().mean(), c.threshold(), p);
    }
}
