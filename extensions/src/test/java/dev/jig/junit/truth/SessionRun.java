package dev.jig.junit.truth;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

/**
 * Runs fixture classes through a real launcher session — as Surefire and IDEs do, with Jig's session listener and
 * the XML that Surefire's format comes from — and reads what it wrote.
 *
 * @param summary the engine's own counts
 * @param results results.json as a tree
 * @param html    index.html
 * @param xml     the JUnit XML reports, concatenated
 */
record SessionRun(TestExecutionSummary summary, JsonNode results, String html, String xml) {

    static SessionRun of(Path reportDir, Map<String, String> configuration, Class<?>... classes) {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        Path xmlDir = reportDir.resolve("xml");
        LegacyXmlReportGeneratingListener xml = new LegacyXmlReportGeneratingListener(xmlDir,
                new PrintWriter(new StringWriter()));
        try (LauncherSession session = LauncherFactory.openSession()) {
            LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(Stream.of(classes).map(c -> selectClass(c)).toList())
                    .configurationParameter("jig.report.dir", reportDir.toString())
                    .configurationParameters(configuration);
            session.getLauncher().execute(request.build(), summary, xml);
        }
        try {
            JsonNode results = new ObjectMapper().readTree(reportDir.resolve("results.json").toFile());
            String html = Files.readString(reportDir.resolve("index.html"));
            StringBuilder xmlText = new StringBuilder();
            if (Files.isDirectory(xmlDir)) {
                try (Stream<Path> files = Files.list(xmlDir)) {
                    for (Path file : files.sorted().toList()) {
                        xmlText.append(Files.readString(file));
                    }
                }
            }
            return new SessionRun(summary.getSummary(), results, html, xmlText.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tests of the record whose method is {@code method}. */
    JsonNode test(String method) {
        for (JsonNode test : results.path("tests")) {
            if (test.path("methodName").asText().equals(method)) {
                return test;
            }
        }
        throw new AssertionError("no test " + method + " in " + results.path("tests"));
    }

    /** The class entry of {@code type}. */
    JsonNode classEntry(Class<?> type) {
        for (JsonNode entry : results.path("classes")) {
            if (entry.path("className").asText().equals(type.getName())) {
                return entry;
            }
        }
        throw new AssertionError("no class " + type.getName() + " in " + results.path("classes"));
    }

    /** How many tests of the record have {@code status}. */
    long count(String status) {
        List<JsonNode> tests = new ArrayList<>();
        results.path("tests").forEach(tests::add);
        return tests.stream().filter(t -> t.path("status").asText().equals(status)).count();
    }
}
