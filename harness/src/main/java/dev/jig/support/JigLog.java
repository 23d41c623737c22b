package dev.jig.support;

import java.io.PrintStream;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Jig's own console messages, in one place and one shape: every line starts with {@code [jig] }, information
 * (the report's path, printed profiles) goes to standard output and warnings to standard error, so that both
 * show in Surefire's and the IDE's console beside the test's own output. The level is the system property
 * {@value #LEVEL_KEY}: {@code info} (the default), {@code warn} (only warnings) or {@code off}.
 *
 * <p>Not SLF4J on purpose: what Jig prints is part of a test run's result (where the report is, what a
 * profile found), which a project's logging configuration for its libraries must not swallow.
 *
 * <pre>{@code
 * JigLog.warn("could not register atm (pid 4242): disk full");   // [jig] could not register atm ...
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class JigLog {

    /** The system property that sets the level: {@code info}, {@code warn} or {@code off}. */
    public static final String LEVEL_KEY = "jig.log.level";

    /** The prefix of every line Jig prints. */
    public static final String PREFIX = "[jig] ";

    private enum Level { INFO, WARN, OFF }

    private JigLog() {
    }

    /** Prints a message (each of its lines prefixed) to standard output, unless the level is warn or off. */
    public static void info(String message) {
        if (level().compareTo(Level.INFO) <= 0) {
            print(System.out, message);
        }
    }

    /** Prints a warning (each of its lines prefixed) to standard error, unless the level is off. */
    public static void warn(String message) {
        if (level().compareTo(Level.WARN) <= 0) {
            print(System.err, message);
        }
    }

    /** A warning with the exception that caused it, described on the same line (no stack trace). */
    public static void warn(String message, Throwable cause) {
        warn(message + ": " + cause);
    }

    /** Every line of {@code message} with the prefix, as it would be printed. */
    public static String prefixed(String message) {
        String text = message.endsWith("\n") ? message.substring(0, message.length() - 1) : message;
        return PREFIX + text.replace("\n", "\n" + PREFIX);
    }

    private static void print(PrintStream stream, String message) {
        stream.println(prefixed(message));
    }

    // Read on every call: a test or a build may change it while the JVM runs; a bad value must not hide warnings.
    private static Level level() {
        String value = System.getProperty(LEVEL_KEY, "info").trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "warn", "warning" -> Level.WARN;
            case "off", "none" -> Level.OFF;
            default -> Level.INFO;
        };
    }
}
