package dev.jig.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.jig.record.RunRecord;
import dev.jig.support.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Renders a run as one self-contained {@code index.html}: CSS, script and data inline, no external
 * requests, so it opens from {@code file://} offline. The page's own markup comes from an HTML-escaping
 * template; the data is embedded as JSON (with {@code <} escaped so it cannot close its script tag) and the
 * page's script only ever sets text with {@code textContent}. A content security policy allows no script but
 * the page's own, so a hostile test name stays text even if something slipped through.
 *
 * <pre>{@code
 * Path html = HtmlReport.write(ResultsFile.read(Path.of("target/jig-report/results.json")),
 *         Path.of("target/jig-report"));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class HtmlReport {

    /** The file name inside a report directory. */
    public static final String FILE_NAME = "index.html";

    /** Tree nodes below this share of their tree's total are folded into "(other)". */
    public static final double DEFAULT_FOLD_SHARE = 0.0002;

    private static final List<String> SCRIPTS =
            List.of("core.js", "tests.js", "trace.js", "flame.js", "profiles.js", "benchmarks.js", "diff.js", "init.js");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Template PAGE = Mustache.compiler().compile(resource("report.mustache"));
    private static final String CSS = resource("report.css");
    private static final String SCRIPT = String.join("\n", SCRIPTS.stream().map(HtmlReport::resource).toList());
    private static final String SCRIPT_HASH = sha256(SCRIPT);

    private HtmlReport() {
    }

    /** Writes {@code index.html} for the run into {@code directory} (created if missing), atomically. */
    public static Path write(RunRecord run, Path directory) {
        return write(render(run), directory.resolve(FILE_NAME));
    }

    /** Renders the run as a page. */
    public static String render(RunRecord run) {
        return render(run, null);
    }

    /** Renders the head run with a comparison to a base run; see {@link RunDiff}. */
    static String render(RunRecord run, ObjectNode diff) {
        ObjectNode data = PageData.of(run, DEFAULT_FOLD_SHARE);
        if (diff != null) {
            data.set("diff", diff);
        }
        Map<String, Object> context = new HashMap<>(Summary.of(run, diff != null));
        context.put("css", CSS);
        context.put("script", SCRIPT);
        context.put("scriptHash", SCRIPT_HASH);
        context.put("data", scriptSafeJson(data));
        return PAGE.execute(context);
    }

    static Path write(String html, Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            AtomicFiles.write(target, temp -> Files.writeString(temp, html, StandardCharsets.UTF_8));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + target + ": " + e.getMessage()
                    + ". Check that the report directory (key jig.report.dir) is writable.", e);
        }
    }

    /** JSON in which '<', '>' and '&' are unicode escapes, so "</script>" or "<!--" in data stay data. */
    private static String scriptSafeJson(ObjectNode data) {
        try {
            return MAPPER.writer().with(new ScriptSafe()).writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not encode the report data: " + e.getMessage(), e);
        }
    }

    private static final class ScriptSafe extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] escapes = standardAsciiEscapesForJSON();

        ScriptSafe() {
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 || ch == 0x2029 ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The report resource " + name + " is missing from the jar.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the report resource " + name, e);
        }
    }

    private static String sha256(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
