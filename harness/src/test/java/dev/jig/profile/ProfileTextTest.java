package dev.jig.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jig.record.CallNode;
import dev.jig.record.ExactProfile;
import dev.jig.record.ProfileRecord;
import dev.jig.record.SampledProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileTextTest {

    @Test
    void theExactTableReadsLikePrintStats() {
        CallTree tree = new CallTree();
        CallTree.Node main = tree.root().child("app.Main.main").add(1, 3_000_000);
        main.child("app.Main.work").add(4, 2_000_000);
        CallNode full = tree.toRecord(0);
        ExactProfile exact = new ExactProfile(FlatProfile.exact(full), full, 25, true);

        String text = ProfileText.of("aTest()", new ProfileRecord(exact, null), 1);

        assertThat(text.lines().toList()).containsExactly(
                "Exact profile of aTest(): 5 calls in 3.000 ms (profiler cost 25 ns/call subtracted)",
                "      ncalls      tottime      percall      cumtime      percall  method",
                "           4        2.000     0.500000        2.000     0.500000  app.Main.work");
    }

    @Test
    void aCountsOnlyTableHasCallsAndNoTime() {
        ExactProfile counts = ExactProfile.counts(List.of(
                new dev.jig.record.FlatRow("app.Main.work", 4, 0, 0, List.of(), List.of()),
                new dev.jig.record.FlatRow("app.Main.main", 1, 0, 0, List.of(), List.of())));

        String text = ProfileText.of("aTest()", new ProfileRecord(counts, null), 1);

        assertThat(text.lines().toList()).containsExactly(
                "Calls counted in aTest(): 5 calls (counting probe, not timed: time is in the sampled profile)",
                "      ncalls  method",
                "           4  app.Main.work");
    }

    @Test
    void theSampledTableShowsShares() {
        SampleTree tree = new SampleTree();
        tree.add(List.of("app.Main.main", "app.Main.work"));
        tree.add(List.of("app.Main.main", "app.Main.work"));
        tree.add(List.of("app.Main.main"));
        tree.add(List.of("app.Main.main", "app.Main.idle"));
        var root = tree.toRecord();
        SampledProfile sampled = new SampledProfile("jdk.ExecutionSample", 10_000_000, 4,
                FlatProfile.sampled(root), root);

        String text = ProfileText.of("aTest()", new ProfileRecord(null, sampled), 10);

        assertThat(text).startsWith("Sampled profile of aTest(): 4 samples of jdk.ExecutionSample every 10.0 ms (jfr)")
                .contains("       2   50.0%        2   50.0%  app.Main.work")
                .contains("       1   25.0%        4  100.0%  app.Main.main");
    }
}
