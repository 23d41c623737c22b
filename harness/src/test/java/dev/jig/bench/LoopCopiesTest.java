package dev.jig.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoopCopiesTest {

    @Test
    void everyBenchmarkGetsItsOwnCopyOfTheMeasuringLoop() throws Exception {
        AtomicLong calls = new AtomicLong();
        BenchAction<Long> action = calls::incrementAndGet;
        Measurement.Round first = LoopCopies.fresh(ActionLoop.class, action, new Blackhole(), BenchTimer.WALL);
        Measurement.Round second = LoopCopies.fresh(ActionLoop.class, action, new Blackhole(), BenchTimer.WALL);

        // Separate hidden classes: separate methods, so separate JIT profiles.
        assertThat(first.getClass()).isNotEqualTo(second.getClass()).isNotEqualTo(ActionLoop.class);
        assertThat(first.getClass().isHidden()).isTrue();
        assertThat(first.getClass().getName()).startsWith(ActionLoop.class.getName() + "/");

        assertThat(first.time(1_000)).isPositive();
        second.time(500);
        assertThat(calls).hasValue(1_500);
    }

    @Test
    void thePedanticLoopIsCopiedTooAndStillSetsUpAndTearsDownPerRound() throws Exception {
        AtomicLong setups = new AtomicLong();
        AtomicLong teardowns = new AtomicLong();
        AtomicLong calls = new AtomicLong();
        Pedantic<Object> spec = Pedantic.<Object>of(() -> setups.incrementAndGet(), state -> calls.incrementAndGet())
                .teardown(state -> teardowns.incrementAndGet());
        Measurement.Round loop = LoopCopies.fresh(PedanticLoop.class, spec, new Blackhole(), BenchTimer.WALL);

        loop.time(10);
        loop.time(10);

        assertThat(loop.getClass().isHidden()).isTrue();
        assertThat(setups).hasValue(2);
        assertThat(teardowns).hasValue(2);
        assertThat(calls).hasValue(20);
    }

    @Test
    void roundsThatGotFasterDuringMeasuringAreRecognisedAsWarmup() {
        double[] drifting = new double[40];
        double[] steady = new double[40];
        for (int i = 0; i < 40; i++) {
            drifting[i] = i < 10 ? 3_000 : 1_000;
            steady[i] = 1_000 + (i % 3) * 20;
        }
        assertThat(Measurement.stillGettingFaster(samples(drifting, true, 0, 0))).isTrue();
        assertThat(Measurement.stillGettingFaster(samples(steady, true, 0, 0))).isFalse();
        // Slower at the end is noise (a busy machine), not warmup.
        double[] slowerLate = new double[40];
        for (int i = 0; i < 40; i++) {
            slowerLate[i] = drifting[39 - i];
        }
        assertThat(Measurement.stillGettingFaster(samples(slowerLate, true, 0, 0))).isFalse();
    }

    @Test
    void roundsThatDriftedWhileTheHeapGrewAreMeasuredAgain() {
        double[] slowerLate = new double[40];
        double[] fasterLate = new double[40];
        double[] steady = new double[40];
        for (int i = 0; i < 40; i++) {
            slowerLate[i] = i < 30 ? 1_000 : 2_600;
            fasterLate[i] = i < 10 ? 3_000 : 1_000;
            steady[i] = 1_000 + (i % 3) * 20;
        }
        long mb = 1024 * 1024;
        // The heap grew from 388 to 924 MB: slower late rounds were its first use of new memory.
        assertThat(Measurement.unsettled(samples(slowerLate, false, 388 * mb, 924 * mb))).isTrue();
        assertThat(Measurement.unsettled(samples(fasterLate, false, 388 * mb, 924 * mb))).isTrue();
        assertThat(Measurement.unsettled(samples(steady, true, 388 * mb, 924 * mb))).isFalse();
        // Without heap growth, slower late rounds are a busy machine (measuring again does not mend it), and
        // faster late rounds are warmup only when the JIT compiled meanwhile.
        assertThat(Measurement.unsettled(samples(slowerLate, true, 924 * mb, 924 * mb))).isFalse();
        assertThat(Measurement.unsettled(samples(fasterLate, false, 924 * mb, 924 * mb))).isFalse();
        assertThat(Measurement.unsettled(samples(fasterLate, true, 924 * mb, 924 * mb))).isTrue();
        // A shrinking heap is not a young JVM's growth.
        assertThat(Measurement.unsettled(samples(slowerLate, false, 924 * mb, 388 * mb))).isFalse();
    }

    /** Rounds as measured, with whether the JIT compiled meanwhile and the heap's committed bytes around them. */
    private static Measurement.Samples samples(double[] rounds, boolean compiled, long heapBefore, long heapAfter) {
        return new Measurement.Samples(rounds, new double[rounds.length], 1, 1, 0, compiled, heapBefore, heapAfter);
    }
}
