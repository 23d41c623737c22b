package dev.jig.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jig.record.RunRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GithubSummaryTest {

    @TempDir
    Path workspace;

    private RunRecord run;
    private Path module;

    @BeforeEach
    void fixture() throws Exception {
        run = ResultsFile.read(resource("github/results.json"));
        module = workspace.resolve("atm");
        Path source = module.resolve("src/test/java/com/acme/AtmTest.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class AtmTest {}\n");
    }

    @Test
    void theMarkdownHasCountsFailuresSlowestTestsRegressionsAndTheReport() {
        String markdown = GithubSummary.markdown(run, Path.of("/ci/atm/target/jig-report/index.html"));

        assertThat(markdown).isEqualTo("""
                ### Jig: 4 tests in 3.42 s

                | passed | failed | aborted | skipped |
                |---:|---:|---:|---:|
                | 1 | 2 | 0 | 1 |

                #### Failures

                - **AtmTest.janeCanWithdraw()** (failed): `AssertionFailedError`
                  ```
                  expected: <true> but was: <false>

                  --- Jig: the systems and fakes of this test ---

                  atm (pid 48113, running), last 20 lines of output:
                  ```
                - **AtmBenchTest.withdrawalRoundTrip(Bench)** (failed): `BenchRegression`
                  ```
                  withdraw: mean 61234.5 ns is +22.4 % slower than baseline ci (50027.1 ns), beyond mean:10%
                  ```

                #### Slowest tests

                | test | status | time |
                |---|---|---:|
                | AtmTest.janeCanWithdraw() | failed | 1.84 s |
                | AtmBenchTest.withdrawalRoundTrip(Bench) | failed | 950.0 ms |
                | AtmTest.johnCanWithdraw() | passed | 120.5 ms |
                | AtmTest.later() | skipped | 0.0 ms |

                #### Benchmark regressions

                | benchmark | test | mean | baseline | change | against |
                |---|---|---:|---:|---:|---|
                | withdraw | AtmBenchTest.withdrawalRoundTrip(Bench) | 61234.5 ns | 50027.1 ns | +22.4 % | ci, mean:10% |

                Report: `/ci/atm/target/jig-report/index.html` (`results.json` beside it)

                """);
    }

    @Test
    void failingTestsBecomeErrorAnnotationsOnTheirSourceLine() {
        assertThat(GithubSummary.annotations(run, module, workspace)).containsExactly(
                "::error file=atm/src/test/java/com/acme/AtmTest.java,line=42,title=AtmTest.janeCanWithdraw()"
                        + "::expected: <true> but was: <false>%0A%0A--- Jig: the systems and fakes of this test ---"
                        + "%0A%0Aatm (pid 48113, running), last 20 lines of output:",
                // No source file for this class in the module: the annotation names none (GitHub shows it on the run).
                "::error title=AtmBenchTest.withdrawalRoundTrip(Bench)::withdraw: mean 61234.5 ns is +22.4 %25"
                        + " slower than baseline ci (50027.1 ns), beyond mean:10%25");
    }

    @Test
    void whereTheSummaryFileIsSetItIsAppendedAndTheAnnotationsPrinted() throws Exception {
        Path summary = workspace.resolve("summary.md");
        Files.writeString(summary, "earlier step\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        GithubSummary.publishIfRequested(run, Path.of("/r/index.html"),
                Map.of("GITHUB_STEP_SUMMARY", summary.toString(), "GITHUB_WORKSPACE", workspace.toString()), module,
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(Files.readString(summary)).startsWith("earlier step\n### Jig: 4 tests in 3.42 s\n")
                .endsWith("Report: `/r/index.html` (`results.json` beside it)\n\n");
        assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .containsExactlyElementsOf(GithubSummary.annotations(run, module, workspace));
    }

    @Test
    void withoutTheSummaryFileNothingIsWrittenOrPrinted() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        GithubSummary.publishIfRequested(run, Path.of("/r/index.html"), Map.of(), module,
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(workspace.resolve("summary.md")).doesNotExist();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(GithubSummaryTest.class.getResource(name), name).toURI());
    }
}
