package dev.jig.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @TempDir
    Path dir;

    private final String html = HtmlReport.render(Fixtures.sample());

    @Test
    void writesOneFileNamedIndexHtml() throws Exception {
        Path written = HtmlReport.write(Fixtures.sample(), dir.resolve("nested"));

        assertEquals(dir.resolve("nested/index.html"), written);
        assertTrue(Files.readString(written, StandardCharsets.UTF_8).startsWith("<!DOCTYPE html>"));
    }

    @Test
    void pageMakesNoExternalRequests() {
        assertFalse(html.replace("http://www.w3.org/2000/svg", "").contains("http://"), "only the SVG namespace");
        assertFalse(html.contains("https://"), "no https:// URL");
        assertFalse(Pattern.compile("<(link|img|iframe)\\b").matcher(html).find(), "no linked resources");
        assertFalse(Pattern.compile("<script[^>]+src=").matcher(html).find(), "no external scripts");
        assertTrue(html.contains("default-src 'none'"), "a policy that blocks any request the page might try");
    }

    @Test
    void hostileNameIsEscapedInMarkupAndInData() {
        assertFalse(html.contains(Fixtures.HOSTILE), "never raw: " + Fixtures.HOSTILE);
        assertTrue(html.contains("&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;"), "the summary escapes it as text");
        assertTrue(html.contains("\\u003Cimg src=x onerror=alert(1)\\u003E"), "the data escapes '<' and '>'");
        assertEquals(2, count(html, "<script"), "only the data block and the page's own script");
    }

    @Test
    void scriptCloseInDataCannotEndTheDataBlock() {
        String data = between(html, "<script type=\"application/json\" id=\"jig-data\">", "</script>");

        assertFalse(data.contains("<"), "no '<' at all inside the data block");
        assertTrue(data.contains("\\u003C/script\\u003E"));
    }

    @Test
    void scriptIsAllowedByItsHashOnly() {
        Matcher policy = Pattern.compile("script-src '(sha256-[^']+)'").matcher(html);

        assertTrue(policy.find(), "a hash-based script policy: inline handlers such as onerror never run");
        assertFalse(policy.group().contains("unsafe"), policy.group());
    }

    @Test
    void secretLookingValuesInOutputAreMasked() {
        assertFalse(html.contains("hunter2"));
        assertTrue(html.contains("API_TOKEN=***"));
    }

    @Test
    void summaryShowsCountsSlowestAndEnvironment() {
        assertTrue(html.contains("Slowest tests"));
        assertTrue(html.contains("AtmTest › anonymousIsRefused()"));
        assertTrue(html.contains("17.0.15") && html.contains("abc1234") && html.contains("Linux 6.1 amd64"));
    }

    @Test
    void tinyNodesAreFoldedIntoOther() {
        var tree = TreeEncoder.of(Fixtures.exact(1.0).tree(), 0);
        var encoded = TreeEncoder.encode(tree, new FrameTable(), 0.5);

        assertEquals(4, encoded.get("d").size(), "root, withdraw, encode (9 of 16 ms) and one (other)");
    }

    @Test
    void runAggregateSumsProfilesPerKindAndPerSystem() {
        var run = Fixtures.run("r", java.time.Instant.EPOCH,
                java.util.List.of(Fixtures.passing("a()", 1.0), Fixtures.passing("b()", 2.0)));

        var profiles = PageData.of(run, 0).get("profiles");

        assertEquals("All tests (exact)", profiles.get(0).get("title").asText());
        assertEquals("All tests (sampled)", profiles.get(1).get("title").asText());
        assertEquals("All tests (system atm)", profiles.get(2).get("title").asText());
        assertEquals("All tests (hybrid)", profiles.get(3).get("title").asText(), "calls exact, time sampled");
        var hybrid = java.util.stream.StreamSupport.stream(profiles.spliterator(), false)
                .filter(p -> p.get("title").asText().endsWith("(calls exact, time sampled)"))
                .findFirst().orElseThrow();
        assertTrue(hybrid.get("note").asText().startsWith("calls from instrumentation, self and total time from "),
                hybrid.get("note").asText());
        var lookup = profiles.get(0).get("flat").get(1);
        assertEquals(4, lookup.get(1).asLong(), "calls summed over both tests");
        assertEquals(18_000_000, lookup.get(2).asLong(), "self summed: 6 ms + 12 ms");
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }
}
