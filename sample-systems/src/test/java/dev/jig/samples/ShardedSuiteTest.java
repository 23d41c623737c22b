package dev.jig.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import dev.jig.junit.internal.ShardFilter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.engine.support.descriptor.ClassSource;

/**
 * The sample suite split into 3 shards (jig.shard=i/3), as CI would run it: every class lands in exactly one shard
 * and the shards' tests together are the unsharded suite's. Discovery only — running the suite three more times
 * would triple CI; the extensions' ShardFilterTest runs shards of fixtures and merges their reports.
 */
class ShardedSuiteTest {

    @Test
    void threeShardsOfTheSampleSuiteCoverEveryClassAndTestExactlyOnce() {
        TestPlan unsharded = discover(null);
        Set<String> allClasses = classes(unsharded);
        Set<String> allTests = tests(unsharded);
        assertThat(allClasses).hasSizeGreaterThan(10);

        List<Set<String>> shardClasses = new ArrayList<>();
        Set<String> shardTests = new HashSet<>();
        int testCount = 0;
        for (int i = 1; i <= 3; i++) {
            TestPlan shard = discover(i + "/3");
            shardClasses.add(classes(shard));
            Set<String> tests = tests(shard);
            testCount += tests.size();
            shardTests.addAll(tests);
        }
        for (int a = 0; a < 3; a++) {
            assertThat(shardClasses.get(a)).as("shard %d/3", a + 1).isNotEmpty();
            for (int b = a + 1; b < 3; b++) {
                assertThat(shardClasses.get(a)).as("shards %d and %d", a + 1, b + 1)
                        .doesNotContainAnyElementsOf(shardClasses.get(b));
            }
        }
        assertThat(shardClasses.stream().flatMap(Set::stream).collect(Collectors.toSet())).isEqualTo(allClasses);
        assertThat(shardTests).isEqualTo(allTests);
        assertThat(testCount).isEqualTo(allTests.size());
    }

    private static TestPlan discover(String shard) {
        LauncherConfig.Builder config = LauncherConfig.builder().enablePostDiscoveryFilterAutoRegistration(false);
        if (shard != null) {
            config.addPostDiscoveryFilters(ShardFilter.of(shard, null));
        }
        Launcher launcher = LauncherFactory.create(config.build());
        return launcher.discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("dev.jig.samples")).build());
    }

    private static Set<String> classes(TestPlan plan) {
        Set<String> classes = new HashSet<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier id : plan.getDescendants(root)) {
                id.getSource().filter(ClassSource.class::isInstance).map(ClassSource.class::cast)
                        .filter(source -> !source.getClassName().contains("$"))
                        .ifPresent(source -> classes.add(source.getClassName()));
            }
        }
        return classes;
    }

    private static Set<String> tests(TestPlan plan) {
        Set<String> tests = new HashSet<>();
        for (TestIdentifier root : plan.getRoots()) {
            plan.getDescendants(root).stream().filter(TestIdentifier::isTest).forEach(t -> tests.add(t.getUniqueId()));
        }
        return tests;
    }
}
