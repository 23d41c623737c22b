package dev.jig.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jig.record.ExactProfile;
import dev.jig.record.FlatRow;
import dev.jig.record.SampleNode;
import dev.jig.record.SampledFlatRow;
import dev.jig.record.SampledProfile;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hybrid view: calls from instrumentation beside time (and, for counted calls, edges) from the samples. */
class HybridViewTest {

    private static final String PROBE = "dev.jig.profile.CallCounter.count";

    /** 10 samples every 1 ms: withdraw on all of them, encode on 6 (2 of which in the probe), the probe on 3. */
    private static SampledProfile samples() {
        SampleNode tree = new SampleNode("root", 10, List.of(new SampleNode("atm.Client.withdraw", 10, List.of(
                new SampleNode(PROBE, 1, List.of()),
                new SampleNode("atm.Codec.encode", 6, List.of(new SampleNode(PROBE, 2, List.of())))))));
        return new SampledProfile("cpu", 1_000_000, 10, List.of(
                new SampledFlatRow("atm.Client.withdraw", 3, 10), new SampledFlatRow("atm.Codec.encode", 4, 6),
                new SampledFlatRow(PROBE, 3, 3)), tree, SampledProfile.ASYNC_PROFILER);
    }

    @Test
    void countedCallsGetTimeAndEdgesFromTheSamplesWithTheProbesFramesAsTheirSelf() {
        ExactProfile counts = ExactProfile.counts(List.of(
                new FlatRow("atm.Codec.encode", 4_000, 0, 0, List.of(), List.of()),
                new FlatRow("atm.Client.withdraw", 1_000, 0, 0, List.of(), List.of())));

        ProfileView view = ProfileView.hybrid("t", 0, counts, samples());

        assertThat(view.flat()).containsExactly(
                new ProfileView.Row("atm.Codec.encode", 4_000, 6_000_000, 6_000_000, Set.of("atm.Client.withdraw"),
                        Set.of()),
                new ProfileView.Row("atm.Client.withdraw", 1_000, 4_000_000, 10_000_000, Set.of(),
                        Set.of("atm.Codec.encode")));
        assertThat(view.note()).isEqualTo("calls counted by instrumentation (a counting-only probe: no clock, no call "
                + "graph); self and total time, callers and callees from 10 samples of cpu every 1.0 ms by "
                + "async-profiler; the probe's frames (dev.jig.profile) count as self time of the method they are "
                + "inlined into");
    }

    @Test
    void timedCallsKeepTheirExactEdgesAndTheSampledTotals() {
        ProfileView view = ProfileView.hybrid("t", 0, Fixtures.exact(1.0), samples());

        ProfileView.Row withdraw = view.flat().stream().filter(r -> r.method().equals("atm.Client.withdraw"))
                .findFirst().orElseThrow();
        assertThat(withdraw.calls()).isEqualTo(1);
        assertThat(withdraw.total()).isEqualTo(10_000_000);
        assertThat(withdraw.callees()).containsExactly("atm.Bank.balanceLookup", "atm.Codec.encode");
        assertThat(view.note()).startsWith("calls from instrumentation, self and total time from 10 samples");
    }

    @Test
    void aCountsOnlyExactViewSaysWhereTheTimeIs() {
        ExactProfile counts = ExactProfile.counts(List.of(new FlatRow("atm.Codec.encode", 4, 0, 0, List.of(),
                List.of())));

        ProfileView view = ProfileView.exact("t", 0, counts, 0);

        assertThat(view.tree()).isNull();
        assertThat(view.note()).isEqualTo("calls counted by a counting-only probe, not timed: time is in the hybrid "
                + "and sampled views");
    }
}
