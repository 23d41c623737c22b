package dev.jig.samples.bench;

import dev.jig.bench.JmhResults;
import dev.jig.record.BenchmarkRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Runs JMH benchmarks with JSON results and imports them as Jig benchmark records. */
public final class JmhRun {

    private JmhRun() {
    }

    /** Runs what {@code options} selects (its result settings are replaced) and imports the results. */
    public static List<BenchmarkRecord> run(ChainedOptionsBuilder options) throws Exception {
        Path json = Files.createTempFile("jmh-", ".json");
        try {
            new Runner(options.resultFormat(ResultFormatType.JSON).result(json.toString()).build()).run();
            return JmhResults.read(json);
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH failed: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(json);
        }
    }

    /** Options for one benchmark method of {@link CodecJmh}. */
    public static ChainedOptionsBuilder codec(String method) {
        return new OptionsBuilder().include(CodecJmh.class.getName() + "\\." + method + "$");
    }
}
