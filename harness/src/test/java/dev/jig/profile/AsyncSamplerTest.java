package dev.jig.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.jig.profiled.Workload;
import dev.jig.record.SampledFlatRow;
import dev.jig.record.SampledProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class AsyncSamplerTest {

    @BeforeEach
    void asyncProfilerLoads() {
        assumeThat(Profiler.preloadSampler()).as("async-profiler loads on linux-x64/arm64 and macOS: "
                + Profiler.asyncProfilerUnavailableReason()).isEqualTo("async-profiler");
    }

    @Test
    void cpuSamplesByAsyncProfilerAreTheDefault() {
        SampledProfile profile;
        try (Profiler profiler = Profiler.start(ProfileOptions.sampled())) {
            Workload.busy(400_000_000L);
            profile = profiler.stop().sampled();
        }

        assertThat(profile.engine()).isEqualTo("async-profiler");
        assertThat(profile.event()).isEqualTo("cpu");
        assertThat(profile.intervalNanos()).isEqualTo(10_000_000L);
        assertThat(profile.tree().samples()).isEqualTo(profile.samples());
        SampledFlatRow busy = row(profile, "dev.jig.profiled.Workload.busy");
        assertThat(busy.totalSamples()).isGreaterThan(profile.samples() / 2);
        assertThat(profile.flat()).extracting(SampledFlatRow::method)
                .noneMatch(m -> m.startsWith("[") || m.contains("/"));
    }

    @Test
    void wallClockSamplesSeeAThreadThatWaits() {
        SampledProfile profile;
        try (Profiler profiler = Profiler.start(ProfileOptions.sampled().event(SampleEvent.WALL))) {
            long end = System.nanoTime() + 400_000_000L;
            while (System.nanoTime() < end) {
                LockSupport.parkNanos(5_000_000L);
            }
            profile = profiler.stop().sampled();
        }

        assertThat(profile.event()).isEqualTo("wall");
        assertThat(row(profile, "dev.jig.profile.AsyncSamplerTest.wallClockSamplesSeeAThreadThatWaits")
                .totalSamples()).isPositive();
    }

    @Test
    void allocationSamplesNameTheAllocatingMethod() {
        SampledProfile profile;
        List<byte[]> kept = new ArrayList<>();
        try (Profiler profiler = Profiler.start(ProfileOptions.sampled().event(SampleEvent.ALLOC))) {
            for (int i = 0; i < 2_000; i++) {
                kept.add(new byte[64 * 1024]);
                if (kept.size() > 100) {
                    kept.clear();
                }
            }
            profile = profiler.stop().sampled();
        }

        assertThat(profile.event()).isEqualTo("alloc");
        assertThat(profile.intervalNanos()).isZero();
        assertThat(row(profile, "dev.jig.profile.AsyncSamplerTest.allocationSamplesNameTheAllocatingMethod")
                .totalSamples()).isPositive();
    }

    @Test
    void aSecondProfileFallsBackToJfrWhileAsyncProfilerIsBusy() {
        try (Profiler first = Profiler.start(ProfileOptions.sampled());
             Profiler second = Profiler.start(ProfileOptions.sampled())) {
            Workload.busy(50_000_000L);
            assertThat(second.stop().sampled().engine()).isEqualTo("jfr");
            assertThat(first.stop().sampled().engine()).isEqualTo("async-profiler");
        }
        try (Profiler again = Profiler.start(ProfileOptions.sampled())) {
            assertThat(again.stop().sampled().engine()).as("free again once stopped").isEqualTo("async-profiler");
        }
    }

    @Test
    void askingForAsyncProfilerWhileItIsBusySaysWhatToDo() {
        try (Profiler first = Profiler.start(ProfileOptions.sampled())) {
            assertThatThrownBy(() -> Profiler.start(ProfileOptions.sampled().engine(SamplingEngine.ASYNC_PROFILER)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("async-profiler is already recording another profile in this JVM (it records one "
                            + "at a time): profile these tests one after the other, or use the engine auto, which "
                            + "falls back to JFR.");
            first.stop();
        }
    }

    @Test
    void theCommandAsksForJavaStacksPerThread() {
        assertThat(AsyncSampler.command(ProfileOptions.sampled().interval(Duration.ofMillis(5))))
                .isEqualTo("start,event=cpu,interval=5000000,cstack=no,threads");
        assertThat(AsyncSampler.command(ProfileOptions.sampled().event(SampleEvent.LOCK)))
                .isEqualTo("start,event=lock,cstack=no,threads");
    }

    private static SampledFlatRow row(SampledProfile profile, String method) {
        return profile.flat().stream().filter(r -> r.method().equals(method)).findFirst()
                .orElseThrow(() -> new AssertionError(method + " not sampled: " + profile.flat()));
    }
}
