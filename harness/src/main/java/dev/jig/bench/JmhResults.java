package dev.jig.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jig.record.BenchmarkRecord;
import dev.jig.record.JmhScore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.apiguardian.api.API;

/**
 * Imports JMH's JSON results ({@code -rf json -rff results.json}, or {@code ResultFormatType.JSON} in the
 * runner's options) as {@link BenchmarkRecord}s with source {@code "jmh"}: JMH's score, error, unit, mode and
 * raw data in {@link JmhScore}; statistics, percentiles and the samples converted to nanoseconds per
 * operation, so that they compare with the fixture's and with baselines.
 *
 * <pre>{@code
 * List<BenchmarkRecord> imported = JmhResults.read(Path.of("target/jmh-result.json"));
 * imported.forEach(bench::add);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class JmhResults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JmhResults() {
    }

    /** Reads a JMH JSON result file; an unreadable file fails naming it. */
    public static List<BenchmarkRecord> read(Path file) {
        try {
            return parse(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read JMH results " + file + ": " + e.getMessage()
                    + " (write them with -rf json -rff <file>)", e);
        }
    }

    /** Parses JMH JSON results from a string. */
    public static List<BenchmarkRecord> parse(String json) {
        try {
            return parse(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("JMH results are not JSON: " + e.getMessage(), e);
        }
    }

    private static List<BenchmarkRecord> parse(JsonNode root) {
        if (!root.isArray()) {
            throw new IllegalArgumentException("JMH JSON results are an array of benchmarks, got "
                    + root.getNodeType());
        }
        List<BenchmarkRecord> records = new ArrayList<>();
        for (JsonNode benchmark : root) {
            records.add(toRecord(benchmark));
        }
        return records;
    }

    private static BenchmarkRecord toRecord(JsonNode benchmark) {
        String fullName = benchmark.path("benchmark").asText();
        JsonNode metric = benchmark.path("primaryMetric");
        String mode = benchmark.path("mode").asText();
        String unit = metric.path("scoreUnit").asText();
        JmhUnits units = JmhUnits.of(unit, fullName);
        List<List<Double>> raw = rawData(metric.path("rawData"));
        List<Double> samples = raw.stream().flatMap(List::stream).map(units::toNanosPerOp).toList();
        double score = metric.path("score").asDouble();
        if (samples.isEmpty()) {
            samples = List.of(units.toNanosPerOp(score));
        }
        Stats stats = Stats.of(samples.stream().mapToDouble(Double::doubleValue).toArray(), 0);
        Map<String, Double> percentiles = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = metric.path("scorePercentiles").fields();
        fields.forEachRemaining(e -> percentiles.put(e.getKey(), units.toNanosPerOp(e.getValue().asDouble())));
        JsonNode error = metric.path("scoreError");
        Double scoreError = error.isNumber() && !Double.isNaN(error.asDouble()) ? error.asDouble() : null;
        int dot = fullName.lastIndexOf('.');
        String group = dot > 0 ? fullName.substring(0, dot) : null;
        return new BenchmarkRecord(fullName + params(benchmark.path("params")), group, "ns", stats.summary(),
                "jmh", null, null, percentiles.isEmpty() ? stats.percentiles() : percentiles, stats.histogram(),
                samples, List.of(), List.of(), new JmhScore(mode, score, scoreError, unit, raw));
    }

    private static List<List<Double>> rawData(JsonNode rawData) {
        List<List<Double>> forks = new ArrayList<>();
        for (JsonNode fork : rawData) {
            List<Double> iterations = new ArrayList<>();
            fork.forEach(v -> iterations.add(v.asDouble()));
            forks.add(iterations);
        }
        return forks;
    }

    private static String params(JsonNode params) {
        if (!params.isObject() || params.isEmpty()) {
            return "";
        }
        StringJoiner joiner = new StringJoiner(",", "[", "]");
        params.fields().forEachRemaining(e -> joiner.add(e.getKey() + "=" + e.getValue().asText()));
        return joiner.toString();
    }
}
