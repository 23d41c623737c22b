package dev.jig.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jig.report.ResultsFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/**
 * Run by sample-systems' {@code verify}, after the sample suites wrote their report: the sample report shows
 * every kind of figure Jig records — in its results.json, some test has an exact profile, a sampled profile of
 * event {@code cpu}, one of event {@code wall}, a system profile of kind {@code jfr} (a JVM system), one of
 * kind {@code process} (any other), a benchmark compared with a baseline, and a JMH benchmark beside the
 * fixture's figure for the same operation, within 3 times of it. Exits 1 naming what is missing otherwise.
 * Says so and passes when no suite ran (no results.json) or when the run left out a suite that records them
 * ({@code -Dtest=...}: a run of some tests is no showcase).
 */
public final class ShowcaseCheck {

    /** JMH's figure and the fixture's, for the same operation, are at most this many times apart. */
    static final double AGREEMENT = 3.0;

    /** The sample suites that record the showcase's figures. */
    static final List<String> SUITES = List.of("dev.jig.samples.atm.ProfiledAtmTest",
            "dev.jig.samples.atm.PythonAtmTest", "dev.jig.samples.atm.AtmBenchTest");

    private ShowcaseCheck() {
    }

    public static void main(String[] args) {
        Path results = Path.of(args.length > 0 ? args[0] : "target/jig-report").resolve(ResultsFile.FILE_NAME);
        if (!Files.isRegularFile(results)) {
            System.out.println("[jig] no " + results + " to check the showcase of: no sample suite ran");
            return;
        }
        JsonNode run = read(results);
        List<String> absent = absentSuites(run);
        if (!absent.isEmpty()) {
            System.out.println("[jig] not checking the showcase of " + results + ": the run left out " + absent);
            return;
        }
        List<String> missing = missing(run);
        if (!missing.isEmpty()) {
            System.err.println("[jig] the sample report " + results + " lacks " + missing.size()
                    + " of the figures it is to show:\n  " + String.join("\n  ", missing)
                    + "\nAdd a sample test that records each (see the README, \"The sample report\").");
            System.exit(1);
        }
        System.out.println("[jig] the sample report shows every kind of figure (exact, cpu and wall profiles, "
                + "jfr and process system profiles, a baseline comparison, JMH beside the fixture): " + results);
    }

    /** What the run {@code run} (a results.json tree) lacks of the showcase, one line each; empty if nothing. */
    static List<String> missing(JsonNode run) {
        List<JsonNode> tests = elements(run.path("tests"));
        List<String> missing = new ArrayList<>();
        require(missing, tests, t -> t.path("profile").path("exact").isObject(),
                "an exact profile (tests[].profile.exact)");
        require(missing, tests, t -> sampled(t, "cpu"), "a sampled CPU profile (tests[].profile.sampled.event cpu)");
        require(missing, tests, t -> sampled(t, "wall"),
                "a wall-clock profile (tests[].profile.sampled.event wall)");
        require(missing, tests, t -> systemProfile(t, "jfr"),
                "a JVM system profile (tests[].systemProfiles[].kind jfr)");
        require(missing, tests, t -> systemProfile(t, "process"),
                "a non-JVM system profile (tests[].systemProfiles[].kind process)");
        require(missing, tests, t -> elements(t.path("benchmarks")).stream().anyMatch(b -> b.path("baseline")
                .isObject()), "a benchmark compared with a baseline (tests[].benchmarks[].baseline)");
        require(missing, tests, ShowcaseCheck::jmhBesideTheFixture, "a JMH benchmark (source jmh) in a test with "
                + "the fixture's benchmark (source bench) of the same operation, their means within "
                + AGREEMENT + " times (tests[].benchmarks[].stats.mean)");
        return missing;
    }

    /** Those of {@link #SUITES} of which {@code run} holds no test. */
    static List<String> absentSuites(JsonNode run) {
        List<String> ran = elements(run.path("tests")).stream().map(t -> t.path("className").asText()).toList();
        return SUITES.stream().filter(suite -> !ran.contains(suite)).toList();
    }

    private static void require(List<String> missing, List<JsonNode> tests, Predicate<JsonNode> shows,
                                String what) {
        if (tests.stream().noneMatch(shows)) {
            missing.add(what);
        }
    }

    private static boolean sampled(JsonNode test, String event) {
        JsonNode sampled = test.path("profile").path("sampled");
        return sampled.isObject() && sampled.path("event").asText().equals(event);
    }

    private static boolean systemProfile(JsonNode test, String kind) {
        return elements(test.path("systemProfiles")).stream().anyMatch(p -> p.path("kind").asText().equals(kind));
    }

    /** A JMH benchmark and a fixture one in the same test (the same operation), within {@link #AGREEMENT}. */
    private static boolean jmhBesideTheFixture(JsonNode test) {
        List<JsonNode> benchmarks = elements(test.path("benchmarks"));
        List<Double> jmh = means(benchmarks, "jmh");
        List<Double> fixture = means(benchmarks, "bench");
        return jmh.stream().anyMatch(j -> fixture.stream().anyMatch(f -> j / f <= AGREEMENT && f / j <= AGREEMENT));
    }

    private static List<Double> means(List<JsonNode> benchmarks, String source) {
        return benchmarks.stream().filter(b -> b.path("source").asText().equals(source))
                .map(b -> b.path("stats").path("mean").asDouble()).filter(m -> m > 0).toList();
    }

    private static List<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static JsonNode read(Path results) {
        try {
            return new ObjectMapper().readTree(results.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + results + ": " + e.getMessage(), e);
        }
    }
}
