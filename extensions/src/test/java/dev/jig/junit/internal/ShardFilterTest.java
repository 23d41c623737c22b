package dev.jig.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jig.junit.JigConfigurationException;
import dev.jig.junit.fixtures.ShardTestCase;
import dev.jig.report.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ShardFilterTest {

    private static final List<Class<?>> CLASSES = List.of(ShardTestCase.Alpha.class, ShardTestCase.Bravo.class,
            ShardTestCase.Charlie.class, ShardTestCase.Delta.class, ShardTestCase.Echo.class,
            ShardTestCase.Foxtrot.class, ShardTestCase.Golf.class);

    // Only the filter each test gives: when this suite itself runs sharded (-Djig.shard=...), the ServiceLoader's
    // filter would read that property inside these launchers too.
    private static final LauncherConfig WITHOUT_AUTO_REGISTERED_FILTERS = LauncherConfig.builder()
            .enablePostDiscoveryFilterAutoRegistration(false).build();

    @TempDir
    Path dir;

    @Test
    void classesAreDealtLongestFirstOntoTheLeastLoadedShardWithTiesByName() {
        Map<String, Long> durations = Map.of("A", 10L, "B", 7L, "C", 5L, "E", 3L, "D", 3L, "F", 1L);

        List<List<String>> shards = IntStream.rangeClosed(1, 2)
                .mapToObj(i -> ShardPlan.of(new Shard(i, 2), durations))
                .map(plan -> durations.keySet().stream().filter(plan::includes).sorted().toList())
                .toList();

        // A(10)→1; B(7)→2; C(5)→2 (12); D(3, before E by name)→1 (13); E(3)→2 (15); F(1)→1 (14)
        assertThat(shards).containsExactly(List.of("A", "D", "F"), List.of("B", "C", "E"));
    }

    @Test
    void aClassWithoutADurationGoesToTheSameShardWhateverElseIsDiscovered() {
        ShardPlan withDurations = ShardPlan.of(new Shard(1, 3), Map.of("com.acme.Known", 1_000L));
        ShardPlan without = ShardPlan.of(new Shard(1, 3), Map.of());

        assertThat(withDurations.shardOf("com.acme.NewTest")).isEqualTo(without.shardOf("com.acme.NewTest"))
                .isBetween(1, 3);
        assertThat(withDurations.shardOf("com.acme.Known")).isEqualTo(1);
    }

    @Test
    void threeShardsRunEveryClassExactlyOnceAndTheirMergedReportIsTheUnshardedRun() throws Exception {
        Path unsharded = dir.resolve("unsharded");
        Set<String> all = run(unsharded, Optional.empty(), Optional.empty());
        assertThat(all).hasSize(12);
        Path durations = unsharded.resolve("results.json");

        List<Set<String>> shards = new ArrayList<>();
        List<String> shardResults = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Path report = dir.resolve("shard-" + i);
            shards.add(run(report, Optional.of(i + "/3"), Optional.of(durations.toString())));
            shardResults.add(report.resolve("results.json").toString());
        }

        Set<String> seen = new HashSet<>();
        for (Set<String> shard : shards) {
            assertThat(shard).isNotEmpty();
            Set<String> earlier = classesOf(seen);
            assertThat(classesOf(shard)).noneMatch(earlier::contains);
            seen.addAll(shard);
        }
        assertThat(seen).isEqualTo(all);

        Path merged = dir.resolve("merged");
        List<String> args = new ArrayList<>(List.of("merge"));
        args.addAll(shardResults);
        args.addAll(List.of("-o", merged.toString()));
        int exit = Cli.run(args.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream(), true), System.err);
        assertThat(exit).isZero();
        assertThat(testIds(merged.resolve("results.json"))).isEqualTo(testIds(durations)).isEqualTo(all);
    }

    @Test
    void theFilterIsFoundByTheServiceLoader() {
        assertThat(ServiceLoader.load(PostDiscoveryFilter.class).stream().map(ServiceLoader.Provider::type))
                .contains(ShardFilter.class);
    }

    @Test
    void withoutAShardEverythingRuns() {
        TestPlan plan = launcher().discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors()).filters(new ShardFilter(key -> Optional.empty())).build());

        assertThat(plan.countTestIdentifiers(TestIdentifier::isTest)).isEqualTo(12);
    }

    @Test
    void badShardValuesFailSayingWhatToWrite() {
        assertThatThrownBy(() -> discover("3/2")).isInstanceOf(JigConfigurationException.class)
                .hasMessage("jig.shard=3/2: the shard number must be from 1 to the number of shards (2)."
                        + " Write jig.shard=i/n, e.g. 1/3 for the first of three shards.");
        assertThatThrownBy(() -> discover("abc")).isInstanceOf(JigConfigurationException.class)
                .hasMessage("jig.shard=abc is not of the form i/n. Write jig.shard=i/n, e.g. 1/3 for the first"
                        + " of three shards.");
        assertThatThrownBy(() -> Shard.parse("1/0")).isInstanceOf(JigConfigurationException.class)
                .hasMessage("jig.shard=1/0: the shard number must be from 1 to the number of shards, which must"
                        + " be at least 1. Write jig.shard=i/n, e.g. 1/3 for the first of three shards.");
        assertThatThrownBy(() -> Shard.parse("0/3")).hasMessageStartingWith("jig.shard=0/3: the shard number");
    }

    @Test
    void aMissingDurationsFileFailsNamingTheKeyAndTheFile() {
        String missing = dir.resolve("nowhere/results.json").toString();
        ShardFilter filter = new ShardFilter(key -> Optional.of(key.equals(Settings.SHARD) ? "1/2" : missing));

        assertThatThrownBy(() -> launcher().discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors()).filters(filter).build()))
                .isInstanceOf(JigConfigurationException.class)
                .hasMessage("jig.shard.durations=" + missing + ": no such file. Give the results.json of an"
                        + " earlier run (e.g. target/jig-report/results.json), or leave the key out to deal the"
                        + " classes by name alone.");
    }

    private static Launcher launcher() {
        return LauncherFactory.create(WITHOUT_AUTO_REGISTERED_FILTERS);
    }

    private static void discover(String shard) {
        launcher().discover(LauncherDiscoveryRequestBuilder.request().selectors(selectors())
                .filters(new ShardFilter(key -> key.equals(Settings.SHARD) ? Optional.of(shard) : Optional.empty()))
                .build());
    }

    /** Runs the fixture classes in a real launcher session, as Surefire does; returns the test ids of its report. */
    private Set<String> run(Path reportDir, Optional<String> shard, Optional<String> durations) throws Exception {
        ShardFilter filter = new ShardFilter(key -> key.equals(Settings.SHARD) ? shard
                : key.equals(Settings.SHARD_DURATIONS) ? durations : Optional.empty());
        PrintStream out = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true));   // the report's console summary
        try (LauncherSession session = LauncherFactory.openSession(WITHOUT_AUTO_REGISTERED_FILTERS)) {
            session.getLauncher().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectors())
                    .configurationParameter(Settings.REPORT_DIR, reportDir.toString()).filters(filter).build());
        } finally {
            System.setOut(out);
        }
        return testIds(reportDir.resolve("results.json"));
    }

    private static DiscoverySelector[] selectors() {
        return CLASSES.stream().map(c -> selectClass(c)).toArray(DiscoverySelector[]::new);
    }

    private static Set<String> testIds(Path results) throws Exception {
        JsonNode run = new ObjectMapper().readTree(results.toFile());
        Set<String> ids = new TreeSet<>();
        run.path("tests").forEach(t -> {
            assertThat(t.path("status").asText()).isEqualTo("passed");
            ids.add(t.path("id").asText());
        });
        return ids;
    }

    private static Set<String> classesOf(Set<String> testIds) {
        Set<String> classes = new HashSet<>();
        testIds.forEach(id -> classes.add(id.replaceAll("^.*?\\[class:([^\\]]+)\\].*$", "$1")));
        return classes;
    }
}
