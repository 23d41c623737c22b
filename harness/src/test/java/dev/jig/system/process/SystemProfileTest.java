package dev.jig.system.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jig.profiled.BusyMain;
import dev.jig.record.SampledFlatRow;
import dev.jig.record.SystemProfileRecord;
import dev.jig.system.Ready;
import dev.jig.system.RunningSystem;
import dev.jig.system.SystemSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class SystemProfileTest {

    @Test
    void aProfiledJvmWritesItsFlightRecordingWhenStopped() throws InterruptedException {
        SystemProfileRecord profile;
        try (RunningSystem busy = SystemSpec.java("busy", BusyMain.class).profiled()
                .readyWhen(Ready.logLine("ready")).start()) {
            assertThat(busy.command()).anyMatch(arg -> arg.startsWith("-XX:StartFlightRecording="));
            Thread.sleep(1500);
            profile = busy.profile().orElseThrow();
        }

        assertThat(profile.system()).isEqualTo("busy");
        assertThat(profile.kind()).isEqualTo("jfr");
        assertThat(profile.samples()).isPositive();
        assertThat(profile.flat()).extracting(SampledFlatRow::method).contains("dev.jig.profiled.Workload.mix");
        assertThat(profile.tree().samples()).isEqualTo(profile.samples());
        assertThat(profile.cpuNanos()).isPositive();
        assertThat(profile.peakRssBytes()).isPositive();
    }

    @Test
    void anyOtherProcessGetsCpuTimeAndPeakRssOfItsTree() {
        SystemProfileRecord profile;
        // The busy loop runs in a child of the shell: the tree's time counts, not only the root's.
        try (RunningSystem shell = SystemSpec.command("loop", "sh", "-c",
                        "sh -c 'i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done; echo counted; sleep 60' & wait")
                .profiled().readyWhen(Ready.logLine("counted")).start()) {
            profile = shell.profile().orElseThrow();
        }

        assertThat(profile.kind()).isEqualTo("process");
        assertThat(profile.samples()).isZero();
        assertThat(profile.flat()).isEmpty();
        assertThat(profile.tree()).isNull();
        assertThat(profile.cpuNanos()).isGreaterThanOrEqualTo(100_000_000L);
        assertThat(profile.peakRssBytes()).isPositive();
    }

    @Test
    void anUnprofiledSystemHasNoProfile() {
        try (RunningSystem shell = SystemSpec.command("quiet", "sh", "-c", "sleep 30").start()) {
            assertThat(shell.profile()).isEmpty();
        }
    }
}
