package dev.jig.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.jig.profiled.Reference;
import dev.jig.record.SampledProfile;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Jig's sampled profile against what is known and against the other engine, on a fixed workload: twelve methods
 * of known weights ({@link Reference}). Robust on a loaded 2-core machine: it compares shares of self time
 * (overlap), which neighbours swapping ranks barely move, and samples long enough for a few hundred samples.
 */
@Timeout(120)
class SamplingAgreementTest {

    @Test
    void defaultEngineMatchesTheKnownWeightsAndJfrAgrees() {
        assumeThat(Profiler.preloadSampler()).as(Profiler.asyncProfilerUnavailableReason())
                .isEqualTo("async-profiler");
        Reference.run(5_000); // compiled before sampling, as a test's code mostly is after its first calls
        SampledProfile jig;
        SampledProfile jfr;
        try (Profiler jfrProfiler = Profiler.start(ProfileOptions.sampled().engine(SamplingEngine.JFR));
             Profiler jigProfiler = Profiler.start(ProfileOptions.sampled().interval(Duration.ofMillis(5)))) {
            long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < end) {
                Reference.run(200);
            }
            jig = jigProfiler.stop().sampled();
            jfr = jfrProfiler.stop().sampled();
        }
        Map<String, Integer> weights = new HashMap<>();
        for (int w = 1; w <= 12; w++) {
            weights.put("dev.jig.profiled.Reference.w" + w, w);
        }

        Agreement truth = Agreement.of(Agreement.selfSamples(jig), weights, 10);
        Agreement engines = Agreement.of(jig, jfr, 10);

        assertThat(jig.engine()).isEqualTo("async-profiler");
        assertThat(jig.samples()).as("samples of 3 s every 5 ms of CPU").isGreaterThan(100);
        assertThat(truth.overlap()).as("self-time shares vs the known weights: %s", truth).isGreaterThan(0.8);
        assertThat(truth.shared()).as("top 10 vs the known top 10: %s", truth).isGreaterThanOrEqualTo(8);
        assertThat(engines.overlap()).as("async-profiler vs JFR at the same time: %s", engines).isGreaterThan(0.7);
    }
}
