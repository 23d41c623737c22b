package dev.jig.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.jig.profiled.Workload;
import dev.jig.record.ProfileRecord;
import dev.jig.record.SampledFlatRow;
import dev.jig.record.SampledProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class SampledProfilerTest {

    @Test
    void jfrExecutionSamplesOfABusyMethodAreRecorded() {
        SampledProfile profile;
        try (Profiler profiler = Profiler.start(ProfileOptions.sampled().engine(SamplingEngine.JFR)
                .interval(Duration.ofMillis(10)))) {
            busyForCpu(Duration.ofSeconds(1)); // about 100 samples' worth of CPU, however loaded the machine is
            profile = profiler.stop().sampled();
        }

        assertThat(profile.event()).isEqualTo("jdk.ExecutionSample");
        assertThat(profile.engine()).isEqualTo("jfr");
        assertThat(profile.intervalNanos()).isEqualTo(10_000_000L);
        assertThat(profile.samples()).isGreaterThan(5);
        assertThat(profile.tree().samples()).isEqualTo(profile.samples());
        SampledFlatRow spin = profile.flat().stream().filter(r -> r.method().equals("dev.jig.profiled.Workload.busy"))
                .findFirst().orElseThrow(() -> new AssertionError("spin not sampled: " + profile.flat()));
        assertThat(spin.totalSamples()).isGreaterThan(profile.samples() / 2);
    }

    @Test
    void bothModesRecordBothProfiles() {
        ProfileRecord record;
        try (Profiler profiler = Profiler.start(ProfileOptions.exact("dev.jig.profiled").mode(ProfileMode.BOTH))) {
            Workload.busy(100_000_000L);
            record = profiler.stop();
        }

        assertThat(record.exact().flat()).extracting(r -> r.method()).contains("dev.jig.profiled.Workload.busy");
        assertThat(record.sampled()).isNotNull();
    }

    @Test
    void cpuTimeSamplesOnJdk25() {
        assumeThat(Profiler.cpuTimeSamplerAvailable()).as("jdk.CPUTimeSample needs JDK 25+ on Linux").isTrue();
        SampledProfile profile;
        try (Profiler profiler = Profiler.start(ProfileOptions.sampled().cpuTime(true))) {
            Workload.busy(300_000_000L);
            profile = profiler.stop().sampled();
        }

        assertThat(profile.event()).isEqualTo("jdk.CPUTimeSample");
        assertThat(profile.samples()).isPositive();
    }

    @Test
    void cpuTimeOnAnOlderJdkSaysWhatItNeeds() {
        assumeThat(Profiler.cpuTimeSamplerAvailable()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Profiler.start(ProfileOptions.sampled().cpuTime(true)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("JDK 25");
    }

    /** Spins until this thread has had {@code cpu} of CPU time: a fixed amount of work can get few on a busy machine. */
    private static void busyForCpu(Duration cpu) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long wallDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (threads.getCurrentThreadCpuTime() - start < cpu.toNanos() && System.nanoTime() - wallDeadline < 0) {
            Workload.busy(20_000_000L);
        }
    }
}
