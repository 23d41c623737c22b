package dev.jig.profile.bench;

import dev.jig.profile.ProfileOptions;
import dev.jig.profile.Profiler;
import dev.jig.profiled.Reference;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What profiling costs, each pair measured side by side in one run (JMH forks each benchmark into its own JVM,
 * so weaving in one does not slow another): an instrumented call against two {@code System.nanoTime()} calls
 * and against the same call uninstrumented; a CPU-bound workload with JFR sampling against none.
 * Run by {@link ProfilerFigures}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class ProfilerBenchmark {

    long x;

    /** An exact profile of dev.jig.profiled for the whole trial. */
    @State(Scope.Thread)
    public static class Exact {
        Profiler profiler;

        @Setup(Level.Trial)
        public void start() {
            profiler = Profiler.start(ProfileOptions.exact("dev.jig.profiled"));
        }

        @TearDown(Level.Trial)
        public void stop() {
            profiler.stop();
        }
    }

    /** A sampled profile (jdk.ExecutionSample every 10 ms) for the whole trial. */
    @State(Scope.Thread)
    public static class Sampled {
        Profiler profiler;

        @Setup(Level.Trial)
        public void start() {
            profiler = Profiler.start(ProfileOptions.sampled());
        }

        @TearDown(Level.Trial)
        public void stop() {
            profiler.stop();
        }
    }

    @Benchmark
    public long twoNanoTimes() {
        return System.nanoTime() + System.nanoTime();
    }

    @Benchmark
    public long plainCall() {
        return Plain.tiny(x++);
    }

    @Benchmark
    public long instrumentedCall(Exact exact) {
        return Reference.tiny(x++);
    }

    @Benchmark
    public long cpuBound() {
        return Reference.run(20);
    }

    @Benchmark
    public long cpuBoundSampled(Sampled sampled) {
        return Reference.run(20);
    }
}
