package dev.jig.samples.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The codec work under JMH, to set the fixture's figures beside JMH's (see {@link BenchFigures}). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecJmh {

    @Benchmark
    public byte[] atmRoundTrip() throws Exception {
        return CodecWork.atmRoundTrip();
    }

    @Benchmark
    public Object decodeBalance() {
        return CodecWork.decodeBalance();
    }
}
