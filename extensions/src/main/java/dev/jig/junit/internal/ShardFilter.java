package dev.jig.junit.internal;

import dev.jig.junit.JigConfigurationException;
import dev.jig.record.RunRecord;
import dev.jig.record.TestRecord;
import dev.jig.report.ResultsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Keeps the test classes of one CI shard: with the system property {@code jig.shard=i/n}, only the classes
 * {@link ShardPlan} deals to shard {@code i} of {@code n} run, balanced by the durations of an earlier run's
 * {@code results.json} when {@code jig.shard.durations} names one. Without {@code jig.shard} it keeps
 * everything. Registered through the {@link java.util.ServiceLoader}, so the launcher (Surefire, Gradle, an IDE)
 * applies it without configuration. A class goes as a whole, with its nested classes.
 *
 * <p>System properties only: a discovery filter is not given JUnit's configuration parameters.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ShardFilter implements PostDiscoveryFilter {

    private final Function<String, Optional<String>> lookup;
    // Read once, on first use: a ServiceLoader instance must construct without failing.
    private Optional<ShardPlan> plan;

    /** The filter the ServiceLoader finds: configured by system properties. */
    public ShardFilter() {
        this(key -> Optional.ofNullable(System.getProperty(key)));
    }

    ShardFilter(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    /**
     * A filter for shard {@code shard} ({@code "i/n"}), balanced by the {@code results.json} at {@code durations}
     * (or {@code null}): for launchers built by hand, as a test of a sharded suite builds them.
     */
    public static ShardFilter of(String shard, String durations) {
        return new ShardFilter(key -> Optional.ofNullable(key.equals(Settings.SHARD) ? shard
                : key.equals(Settings.SHARD_DURATIONS) ? durations : null));
    }

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        Optional<ShardPlan> current = plan();
        if (current.isEmpty()) {
            return FilterResult.included("no shard set");
        }
        Optional<String> className = topLevelClass(descriptor);
        if (className.isEmpty()) {
            return FilterResult.included("not inside a test class");
        }
        ShardPlan shards = current.get();
        int shard = shards.shardOf(className.get());
        return shard == shards.shard().number()
                ? FilterResult.included("in shard " + shards.shard())
                : FilterResult.excluded("in shard " + shard + "/" + shards.shard().count() + ", not "
                        + shards.shard());
    }

    private synchronized Optional<ShardPlan> plan() {
        if (plan == null) {
            plan = lookup.apply(Settings.SHARD).filter(v -> !v.isBlank()).map(Shard::parse)
                    .map(shard -> ShardPlan.of(shard, lookup.apply(Settings.SHARD_DURATIONS)
                            .filter(v -> !v.isBlank()).map(ShardFilter::durations).orElse(Map.of())));
        }
        return plan;
    }

    /** Nanoseconds per test class of an earlier run: its tests and its class-scoped resources' phases. */
    static Map<String, Long> durations(String file) {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new JigConfigurationException(Settings.SHARD_DURATIONS + "=" + file + ": no such file. Give the"
                    + " results.json of an earlier run (e.g. target/jig-report/results.json), or leave the key out"
                    + " to deal the classes by name alone.");
        }
        RunRecord run;
        try {
            run = ResultsFile.read(path);
        } catch (RuntimeException e) {
            throw new JigConfigurationException(Settings.SHARD_DURATIONS + "=" + file + " is not a readable"
                    + " results.json (" + e.getMessage() + "). Give the results.json of an earlier run.");
        }
        Map<String, Long> durations = new HashMap<>();
        for (TestRecord test : run.tests()) {
            durations.merge(topLevel(test.id(), test.className()), test.durationNanos(), Long::sum);
        }
        run.classes().forEach(c -> c.phases().forEach(p -> durations.merge(topLevel(c.id(), c.className()),
                p.durationNanos(), Long::sum)));
        durations.remove("");
        return durations;
    }

    // A @Nested class's tests count for the class it is nested in: the first class segment of the unique id.
    private static String topLevel(String uniqueId, String className) {
        try {
            return UniqueId.parse(uniqueId).getSegments().stream().filter(s -> s.getType().equals("class"))
                    .map(UniqueId.Segment::getValue).findFirst().orElse(className);
        } catch (RuntimeException e) {
            return className;
        }
    }

    private static Optional<String> topLevelClass(TestDescriptor descriptor) {
        String outermost = null;
        for (Optional<TestDescriptor> d = Optional.of(descriptor); d.isPresent(); d = d.get().getParent()) {
            Optional<TestSource> source = d.get().getSource();
            if (source.isPresent() && source.get() instanceof ClassSource classSource) {
                outermost = classSource.getClassName();
            }
        }
        return Optional.ofNullable(outermost);
    }
}
