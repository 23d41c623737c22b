package dev.jig.junit.internal;

import dev.jig.junit.Addressable;
import dev.jig.junit.FakeHttp;
import dev.jig.junit.JigConfigurationException;
import dev.jig.junit.KeepOnFailure;
import dev.jig.record.Secrets;
import dev.jig.support.Durations;
import dev.jig.support.JigLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Holds a failed test's resources up for a look before they stop ({@link KeepOnFailure}): prints how to reach each,
 * then waits for Enter, a {@code continue} file in the report directory, or the timeout.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
final class PostMortem {

    /** Whether Jig runs under CI; by default the {@code CI} environment variable. */
    static final String CI_KEY = "jig.ci";
    static final String CONTINUE_FILE = "continue";
    static final String INFO_FILE = "post-mortem.txt";
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    private static final long POLL_MILLIS = 100;
    private static final BlockingQueue<String> CONSOLE_LINES = new LinkedBlockingQueue<>();
    private static Thread consoleReader;

    private PostMortem() {
    }

    /** If the test of {@code context} failed and post-mortem is asked for, prints and waits. */
    static void holdIfFailed(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()
                || context.getStore(Recording.NAMESPACE).get(key(context)) != null) {
            return;
        }
        context.getStore(Recording.NAMESPACE).put(key(context), Boolean.TRUE);
        Optional<Duration> hold = holdFor(context);
        if (hold.isEmpty()) {
            return;
        }
        Path reportDir = Settings.from(context::getConfigurationParameter).reportDir();
        Path continueFile = reportDir.resolve(CONTINUE_FILE);
        String text = describe(context, Lifecycle.visibleStages(context), hold.get(), continueFile);
        try {
            Files.createDirectories(reportDir);
            Files.deleteIfExists(continueFile);
            Files.writeString(reportDir.resolve(INFO_FILE), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            JigLog.warn("post-mortem: could not write " + reportDir.resolve(INFO_FILE), e);
        }
        JigLog.info(text);
        String why = await(continueFile, hold.get());
        JigLog.info("post-mortem of " + context.getDisplayName() + " ended (" + why + "); cleaning up.");
    }

    private static Optional<Duration> holdFor(ExtensionContext context) {
        Optional<KeepOnFailure> annotation = AnnotationSupport.findAnnotation(context.getTestMethod(),
                KeepOnFailure.class).or(() -> AnnotationSupport.findAnnotation(context.getTestClass(),
                KeepOnFailure.class));
        String key = context.getConfigurationParameter(KeepOnFailure.KEY).map(String::trim).orElse("false");
        if (!key.matches("(?i)true|false|force")) {
            throw new JigConfigurationException(KeepOnFailure.KEY + " must be true, false or force, got '" + key
                    + "'.");
        }
        boolean wanted = annotation.isPresent() || !key.equalsIgnoreCase("false");
        boolean forced = key.equalsIgnoreCase("force") || annotation.map(KeepOnFailure::force).orElse(false);
        if (!wanted) {
            return Optional.empty();
        }
        boolean ci = context.getConfigurationParameter(CI_KEY).map(Boolean::parseBoolean)
                .orElse("true".equalsIgnoreCase(System.getenv("CI")));
        if (ci && !forced) {
            JigLog.info("post-mortem asked for " + context.getDisplayName() + ", but this is CI (CI=true): not waiting."
                    + " Use " + KeepOnFailure.KEY + "=force to wait anyway.");
            return Optional.empty();
        }
        String timeout = annotation.map(KeepOnFailure::timeout).filter(t -> !t.isBlank())
                .or(() -> context.getConfigurationParameter(KeepOnFailure.TIMEOUT_KEY)).orElse("");
        if (timeout.isBlank()) {
            return Optional.of(DEFAULT_TIMEOUT);
        }
        try {
            return Optional.of(Durations.positive(Durations.parse(timeout, KeepOnFailure.TIMEOUT_KEY),
                    KeepOnFailure.TIMEOUT_KEY));
        } catch (IllegalArgumentException e) {
            throw new JigConfigurationException(e.getMessage());
        }
    }

    static String describe(ExtensionContext context, List<Stage> stages, Duration timeout, Path continueFile) {
        StringBuilder text = new StringBuilder("post-mortem: " + context.getDisplayName()
                + " failed; its systems, fakes and proxies stay up until you press Enter (IDE or terminal runs), "
                + "create " + continueFile + " (touch " + continueFile + "), or " + Durations.human(timeout)
                + " pass.");
        for (Stage stage : stages) {
            for (JigResource resource : stage.declared()) {
                if (!resource.isRunning()) {
                    continue;
                }
                text.append("\n\n").append(resource.name()).append(" (").append(kind(resource)).append(')');
                if (resource instanceof Addressable addressable) {
                    text.append(" at ").append(addressable.address()).append("\n  reach it: ").append(
                            resource instanceof FakeHttp ? "curl -v http://" + addressable.address() + "/"
                                    : "nc " + addressable.host() + " " + addressable.port());
                }
                String said = resource.diagnostics();
                if (!said.isBlank()) {
                    text.append("\n").append(said.strip().indent(2).stripTrailing());
                }
            }
        }
        return Secrets.mask(text.toString());
    }

    private static String kind(JigResource resource) {
        return resource.getClass().getSimpleName();
    }

    private static String await(Path continueFile, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean console = interactive();
        if (console) {
            startConsoleReader();
            CONSOLE_LINES.clear();
        }
        try {
            while (System.nanoTime() < deadline) {
                if (Files.exists(continueFile)) {
                    Files.deleteIfExists(continueFile);
                    return continueFile.getFileName() + " was created";
                }
                if (console && CONSOLE_LINES.poll(POLL_MILLIS, TimeUnit.MILLISECONDS) != null) {
                    return "Enter was pressed";
                }
                if (!console) {
                    Thread.sleep(POLL_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (IOException e) {
            return "could not remove " + continueFile + ": " + e.getMessage();
        }
        return Durations.human(timeout) + " passed";
    }

    // A Surefire fork talks to Maven over its standard input: reading it would break the fork's protocol.
    private static boolean interactive() {
        return System.getProperty("surefire.test.class.path") == null
                && System.getProperty("surefire.real.class.path") == null;
    }

    private static synchronized void startConsoleReader() {
        if (consoleReader != null) {
            return;
        }
        consoleReader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    CONSOLE_LINES.offer(line);
                }
            } catch (IOException e) {
                // no console to read: the continue file and the timeout remain
            }
        }, "jig-post-mortem-console");
        consoleReader.setDaemon(true);
        consoleReader.start();
    }

    private static String key(ExtensionContext context) {
        return "post-mortem " + context.getUniqueId();
    }
}
