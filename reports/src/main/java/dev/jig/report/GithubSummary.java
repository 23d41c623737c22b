package dev.jig.report;

import dev.jig.record.BaselineComparison;
import dev.jig.record.BenchmarkRecord;
import dev.jig.record.RunRecord;
import dev.jig.record.TestRecord;
import dev.jig.record.TestStatus;
import dev.jig.support.JigLog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A run as GitHub Actions shows it: a markdown summary appended to the job's page (the file named by
 * {@code GITHUB_STEP_SUMMARY}) — counts, failures with their first lines, the slowest tests, benchmark
 * regressions, the report's path — and one {@code ::error file=…,line=…::} workflow command per failing test,
 * which GitHub shows on the test's line in the pull request. Does nothing where {@code GITHUB_STEP_SUMMARY} is
 * not set.
 *
 * <pre>{@code
 * GithubSummary.publishIfRequested(run, report.html(), System.getenv(), Path.of(""), System.out);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GithubSummary {

    /** The environment variable GitHub Actions sets to the file a step appends its summary to. */
    public static final String SUMMARY_FILE = "GITHUB_STEP_SUMMARY";

    /** The environment variable with the checkout's directory; annotation paths are relative to it. */
    public static final String WORKSPACE = "GITHUB_WORKSPACE";

    static final int SLOWEST_SHOWN = 5;
    static final int FAILURE_LINES = 5;

    private GithubSummary() {
    }

    /**
     * Where {@code env} has {@value #SUMMARY_FILE}: appends {@link #markdown} to that file and prints
     * {@link #annotations} to {@code out}. {@code moduleDir} is the directory of the module under test (the
     * working directory of a Surefire fork), where the test sources are looked for.
     */
    public static void publishIfRequested(RunRecord run, Path reportHtml, Map<String, String> env, Path moduleDir,
                                          PrintStream out) {
        String summaryFile = env.get(SUMMARY_FILE);
        if (summaryFile == null || summaryFile.isBlank()) {
            return;
        }
        try {
            Files.writeString(Path.of(summaryFile), markdown(run, reportHtml), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            JigLog.warn("could not append the run's summary to " + SUMMARY_FILE + "=" + summaryFile, e);
        }
        Path workspace = Optional.ofNullable(env.get(WORKSPACE)).filter(w -> !w.isBlank()).map(Path::of)
                .orElse(moduleDir);
        annotations(run, moduleDir, workspace).forEach(out::println);
    }

    /** The summary of a run in GitHub-flavoured markdown. */
    public static String markdown(RunRecord run, Path reportHtml) {
        List<TestRecord> tests = run.tests();
        StringBuilder md = new StringBuilder();
        md.append("### Jig: ").append(tests.size()).append(" tests in ")
                .append(Summary.millis(run.run().durationNanos())).append("\n\n");
        Map<TestStatus, Integer> counts = new EnumMap<>(TestStatus.class);
        tests.forEach(t -> counts.merge(t.status(), 1, Integer::sum));
        md.append("| passed | failed | aborted | skipped |\n|---:|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| %d | %d | %d | %d |%n%n", counts.getOrDefault(TestStatus.PASSED, 0),
                counts.getOrDefault(TestStatus.FAILED, 0), counts.getOrDefault(TestStatus.ABORTED, 0),
                counts.getOrDefault(TestStatus.SKIPPED, 0)));
        failures(md, tests);
        slowest(md, tests);
        regressions(md, tests);
        md.append("Report: `").append(reportHtml.toAbsolutePath()).append("` (`results.json` beside it)\n\n");
        return md.toString();
    }

    private static void failures(StringBuilder md, List<TestRecord> tests) {
        List<TestRecord> failed = tests.stream().filter(GithubSummary::failed).toList();
        if (failed.isEmpty()) {
            return;
        }
        md.append("#### Failures\n\n");
        for (TestRecord test : failed) {
            md.append("- **").append(cell(name(test))).append("** (").append(test.status().label()).append(")");
            String type = test.failure() == null ? "" : simpleName(test.failure().type());
            md.append(type.isEmpty() ? "" : ": `" + type + "`").append("\n");
            List<String> lines = firstLines(test);
            if (!lines.isEmpty()) {
                md.append("  ```\n");
                lines.forEach(line -> md.append(line.isBlank() ? "" : "  " + line.replace("```", "'''")).append("\n"));
                md.append("  ```\n");
            }
        }
        md.append("\n");
    }

    private static void slowest(StringBuilder md, List<TestRecord> tests) {
        if (tests.isEmpty()) {
            return;
        }
        md.append("#### Slowest tests\n\n| test | status | time |\n|---|---|---:|\n");
        tests.stream().sorted(Comparator.comparingLong(TestRecord::durationNanos).reversed()
                        .thenComparing(TestRecord::id))
                .limit(SLOWEST_SHOWN)
                .forEach(t -> md.append("| ").append(cell(name(t))).append(" | ").append(t.status().label())
                        .append(" | ").append(Summary.millis(t.durationNanos())).append(" |\n"));
        md.append("\n");
    }

    private static void regressions(StringBuilder md, List<TestRecord> tests) {
        List<String> rows = new ArrayList<>();
        for (TestRecord test : tests) {
            for (BenchmarkRecord bench : test.benchmarks() == null ? List.<BenchmarkRecord>of() : test.benchmarks()) {
                BaselineComparison baseline = bench.baseline();
                if (baseline != null && baseline.regression()) {
                    rows.add(String.format(Locale.ROOT, "| %s | %s | %.1f %s | %.1f %s | %+.1f %% | %s |",
                            cell(bench.name()), cell(name(test)), bench.stats().mean(), bench.unit(), baseline.mean(),
                            bench.unit(), baseline.deltaPercent(), cell(baseline.baselineId() + ", "
                                    + baseline.threshold())));
                }
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        md.append("#### Benchmark regressions\n\n| benchmark | test | mean | baseline | change | against |\n")
                .append("|---|---|---:|---:|---:|---|\n");
        rows.forEach(row -> md.append(row).append("\n"));
        md.append("\n");
    }

    /**
     * One {@code ::error} workflow command per failed or aborted test: the file is the test class's source under
     * {@code src/test/java} of {@code moduleDir}, relative to {@code workspace}; the line is the test's frame in
     * the stack trace. Without the file (not found) the annotation names no file.
     */
    public static List<String> annotations(RunRecord run, Path moduleDir, Path workspace) {
        List<String> commands = new ArrayList<>();
        for (TestRecord test : run.tests()) {
            if (!failed(test)) {
                continue;
            }
            StringBuilder command = new StringBuilder("::error ");
            sourceFile(test.className(), moduleDir, workspace).ifPresent(file -> {
                command.append("file=").append(property(file)).append(",");
                line(test).ifPresent(line -> command.append("line=").append(line).append(","));
            });
            command.append("title=").append(property(name(test))).append("::");
            String message = String.join("\n", firstLines(test));
            command.append(data(message.isEmpty() ? test.status().label() : message));
            commands.add(command.toString());
        }
        return commands;
    }

    private static Optional<String> sourceFile(String className, Path moduleDir, Path workspace) {
        if (className == null || className.isEmpty()) {
            return Optional.empty();
        }
        String outer = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        Path source = moduleDir.toAbsolutePath().normalize()
                .resolve(Path.of("src", "test", "java")).resolve(outer.replace('.', '/') + ".java");
        if (!Files.isRegularFile(source)) {
            return Optional.empty();
        }
        Path root = workspace.toAbsolutePath().normalize();
        Path file = source.startsWith(root) ? root.relativize(source) : source;
        return Optional.of(file.toString().replace('\\', '/'));
    }

    // The deepest frame of the test's own class (the test method, or the helper of that class it failed in).
    private static Optional<Integer> line(TestRecord test) {
        if (test.failure() == null || test.failure().stackTrace() == null) {
            return Optional.empty();
        }
        String outer = test.className().contains("$")
                ? test.className().substring(0, test.className().indexOf('$')) : test.className();
        Matcher frame = Pattern.compile("\\bat (?:\\S+/)?" + Pattern.quote(outer) + "(?:\\$[\\w$]+)?\\.[\\w$<>]+"
                + "\\([^:()]+\\.java:(\\d+)\\)").matcher(test.failure().stackTrace());
        return frame.find() ? Optional.of(Integer.parseInt(frame.group(1))) : Optional.empty();
    }

    private static List<String> firstLines(TestRecord test) {
        if (test.failure() == null || test.failure().message() == null) {
            return List.of();
        }
        return Arrays.stream(test.failure().message().strip().split("\\R")).limit(FAILURE_LINES).toList();
    }

    private static boolean failed(TestRecord test) {
        return test.status() == TestStatus.FAILED || test.status() == TestStatus.ABORTED;
    }

    private static String name(TestRecord test) {
        return Summary.simpleName(test.className()) + "." + test.displayName();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    // GitHub's escaping of workflow commands: data, then properties (which also escape ':' and ',').
    private static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
