package dev.jig.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ShowcaseCheckTest {

    static final String EXACT = """
            {"className": "dev.jig.samples.atm.ProfiledAtmTest", "profile": {"exact": {"flat": []}},
             "systemProfiles": [{"system": "atm", "kind": "jfr"}]}""";
    static final String CPU = """
            {"className": "dev.jig.samples.atm.ProfiledAtmTest", "profile": {"sampled": {"event": "cpu"}}}""";
    static final String WALL = """
            {"className": "dev.jig.samples.atm.ProfiledAtmTest", "profile": {"sampled": {"event": "wall"}}}""";
    static final String PYTHON = """
            {"className": "dev.jig.samples.atm.PythonAtmTest", "systemProfiles": [{"system": "atm", "kind": "process"}]}""";
    static final String BASELINE = """
            {"className": "dev.jig.samples.atm.AtmBenchTest",
             "benchmarks": [{"source": "bench", "stats": {"mean": 600}, "baseline": {"baselineId": "showcase"}}]}""";
    static final String JMH = """
            {"className": "dev.jig.samples.atm.AtmBenchTest",
             "benchmarks": [{"source": "jmh", "stats": {"mean": 900}}, {"source": "bench", "stats": {"mean": 600}}]}""";

    @Test
    void aReportWithEveryFigureLacksNothing() throws Exception {
        JsonNode run = run(EXACT, CPU, WALL, PYTHON, BASELINE, JMH);

        assertThat(ShowcaseCheck.absentSuites(run)).isEmpty();
        assertThat(ShowcaseCheck.missing(run)).isEmpty();
    }

    @Test
    void eachMissingFigureIsNamed() throws Exception {
        assertThat(ShowcaseCheck.missing(run(CPU, WALL, PYTHON, BASELINE, JMH)))
                .containsExactly("an exact profile (tests[].profile.exact)",
                        "a JVM system profile (tests[].systemProfiles[].kind jfr)");
        assertThat(ShowcaseCheck.missing(run(EXACT, CPU, PYTHON, JMH)))
                .containsExactly("a wall-clock profile (tests[].profile.sampled.event wall)",
                        "a benchmark compared with a baseline (tests[].benchmarks[].baseline)");
        assertThat(ShowcaseCheck.missing(run(EXACT, WALL, BASELINE, JMH)))
                .containsExactly("a sampled CPU profile (tests[].profile.sampled.event cpu)",
                        "a non-JVM system profile (tests[].systemProfiles[].kind process)");
    }

    @Test
    void jmhFarFromTheFixtureOrAloneDoesNotCount() throws Exception {
        String far = JMH.replace("\"mean\": 900", "\"mean\": 5000");
        String alone = """
                {"className": "dev.jig.samples.atm.AtmBenchTest", "benchmarks": [{"source": "jmh", "stats": {"mean": 900}}]}""";

        assertThat(ShowcaseCheck.missing(run(EXACT, CPU, WALL, PYTHON, BASELINE, far)))
                .singleElement().asString().startsWith("a JMH benchmark (source jmh)");
        assertThat(ShowcaseCheck.missing(run(EXACT, CPU, WALL, PYTHON, BASELINE, alone)))
                .singleElement().asString().startsWith("a JMH benchmark (source jmh)");
    }

    @Test
    void aRunOfSomeSuitesIsNoShowcase() throws Exception {
        assertThat(ShowcaseCheck.absentSuites(run(PYTHON, JMH))).containsExactly("dev.jig.samples.atm.ProfiledAtmTest");
    }

    private static JsonNode run(String... tests) throws Exception {
        return new ObjectMapper().readTree("{\"tests\": [" + String.join(",", tests) + "]}");
    }
}
