package dev.jig.junit.internal;

import dev.jig.bench.Baseline;
import dev.jig.bench.BaselineCheck;
import dev.jig.bench.Baselines;
import dev.jig.bench.Bench;
import dev.jig.bench.BenchmarkRegressionException;
import dev.jig.bench.Threshold;
import dev.jig.bench.Thresholds;
import dev.jig.junit.BenchConfig;
import dev.jig.junit.JigConfigurationException;
import dev.jig.record.BenchmarkRecord;
import dev.jig.record.ScopeRecorder;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.StoreScope;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Injects a {@link Bench} into test methods and, after the test, records its benchmarks into the test's
 * record, compares them with a saved run ({@code jig.bench.compare}), saves them ({@code jig.bench.save}) and
 * fails the test on a regression.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class BenchExtension implements ParameterResolver, AfterEachCallback {

    private static final Namespace NAMESPACE = Namespace.create("dev.jig", "bench");
    private static final String RUN_ID = "run-id";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Bench.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        try (var span = Recording.forTest(context).timeline().spanAfterOutside(Lifecycle.BEFORE_BODY,
                "benchmarks: create bench")) {
            BenchSettings settings = settings(context);
            List<BenchConfig> annotations = annotations(context);
            // Bench.compare's verdict takes the same thresholds as a comparison with a saved baseline.
            Bench bench = Bench.create(settings.options(annotations))
                    .thresholds((name, group) -> settings.threshold(annotations, name, group));
            Optional<Baseline> baseline = settings.compare().flatMap(reference -> Baselines.at(settings.baselineDir())
                    .find(reference, settings.save().map(id -> runId(id, context)).orElse(null)));
            if (baseline.isPresent()) {
                // A run that is a close call against the baseline is measured again before it is judged; the
                // comparison after the test uses the same baseline rather than reading it again.
                context.getStore(NAMESPACE).put(Baseline.class, baseline.get());
                String scope = scope(context);
                bench = bench.confirmWhen(b -> new BaselineCheck(Thresholds.of(settings.threshold(annotations,
                        b.name(), b.group()))).closeCall(scope, baseline.get()).test(b));
            }
            context.getStore(NAMESPACE).put(Bench.class, bench);
            return bench;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Bench bench = context.getStore(NAMESPACE).remove(Bench.class, Bench.class);
        if (bench == null || bench.results().isEmpty()) {
            return;
        }
        try (var span = Recording.forTest(context).timeline().spanAfterOutside(Lifecycle.AFTER_BODY,
                "benchmarks: record")) {
            record(context, bench);
        }
    }

    private static void record(ExtensionContext context, Bench bench) {
        BenchSettings settings = settings(context);
        String scope = scope(context);
        Baselines baselines = Baselines.at(settings.baselineDir());
        Optional<String> saveId = settings.save().map(id -> runId(id, context));
        ScopeRecorder recorder = Recording.forTest(context);
        List<BenchmarkRecord> results = bench.results();
        if (settings.compare().isPresent()) {
            try (var span = recorder.timeline().span("benchmarks: compare with baseline")) {
                results = compare(results, scope, baselines, settings, saveId, context);
            }
        }
        results.forEach(recorder::add);
        if (saveId.isPresent()) {
            try (var span = recorder.timeline().span("benchmarks: save baseline")) {
                save(baselines, saveId.get(), scope, results);
            }
        }
        Optional<String> regressions = BaselineCheck.regressions(scope, results);
        if (regressions.isPresent() && context.getExecutionException().isEmpty()) {
            throw new BenchmarkRegressionException(regressions.get());
        }
    }

    private static List<BenchmarkRecord> compare(List<BenchmarkRecord> results, String scope, Baselines baselines,
                                                 BenchSettings settings, Optional<String> saveId,
                                                 ExtensionContext context) {
        Optional<String> reference = settings.compare();
        if (reference.isEmpty()) {
            return results;
        }
        Baseline baseline = Optional.ofNullable(context.getStore(NAMESPACE).remove(Baseline.class, Baseline.class))
                .or(() -> baselines.find(reference.get(), saveId.orElse(null))).orElseThrow(() ->
                new JigConfigurationException("jig.bench.compare=" + reference.get() + " but no saved benchmark "
                        + "run '" + reference.get() + "' exists in " + baselines.directory() + ". Save one first "
                        + "with -Djig.bench.save=<id> (or =auto), or drop jig.bench.compare."));
        List<BenchConfig> annotations = annotations(context);
        Map<String, Threshold> overrides = new HashMap<>();
        for (BenchmarkRecord b : results) {
            overrides.put(b.name(), settings.threshold(annotations, b.name(), b.group()));
        }
        BaselineCheck check = new BaselineCheck(Thresholds.of(Threshold.DEFAULT).with(overrides));
        return check.compareAll(scope, results, baseline);
    }

    private static void save(Baselines baselines, String id, String scope, List<BenchmarkRecord> results) {
        Map<String, BenchmarkRecord> byKey = new LinkedHashMap<>();
        results.forEach(b -> byKey.put(Baseline.key(scope, b.name()), b));
        baselines.save(id, byKey);
    }

    /** {@code auto}/{@code true}: one timestamp id for the whole launcher session, so all tests share a run. */
    private static String runId(String configured, ExtensionContext context) {
        if (!configured.equalsIgnoreCase("auto") && !configured.equalsIgnoreCase("true")) {
            return configured;
        }
        return context.getStore(StoreScope.LAUNCHER_SESSION, NAMESPACE).computeIfAbsent(RUN_ID,
                key -> LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")), String.class);
    }

    private static String scope(ExtensionContext context) {
        return context.getRequiredTestClass().getSimpleName() + "#" + context.getRequiredTestMethod().getName();
    }

    private static BenchSettings settings(ExtensionContext context) {
        return new BenchSettings(context::getConfigurationParameter);
    }

    /** The class's annotation (if any), then the method's, so that the method's wins. */
    private static List<BenchConfig> annotations(ExtensionContext context) {
        List<BenchConfig> found = new ArrayList<>();
        AnnotationSupport.findAnnotation(context.getRequiredTestClass(), BenchConfig.class).ifPresent(found::add);
        context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, BenchConfig.class))
                .ifPresent(found::add);
        return found;
    }
}
