package dev.jig.support;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/** Durations the way messages show them ("2 s", "500 ms", "1.5 s"), and checks of duration settings. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Durations {

    private Durations() {
    }

    /** {@code 500 ms} below a second, else seconds without trailing zeros: {@code 2 s}, {@code 1.25 s}. */
    public static String human(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s";
    }

    private static final java.util.regex.Pattern SETTING = java.util.regex.Pattern.compile(
            "(?i)\\s*(\\d+)\\s*(ns|us|\u03bcs|ms|s|m|min|h|d)?\\s*");

    /**
     * Parses a duration setting the way JUnit's timeout keys are written — a whole number and an optional unit
     * ({@code ns}, {@code μs}, {@code ms}, {@code s}, {@code m}, {@code h}, {@code d}; seconds without one):
     * {@code "5 m"}, {@code "300s"}, {@code "500 ms"}, {@code "30"} — or as ISO-8601 ({@code PT5M}).
     *
     * @throws IllegalArgumentException naming {@code key}, what was expected and what came
     */
    public static Duration parse(String text, String key) {
        String value = text == null ? "" : text.trim();
        if (value.regionMatches(true, 0, "PT", 0, 2)) {
            try {
                return Duration.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                // reported below
            }
        }
        java.util.regex.Matcher m = SETTING.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException(key + " must be a duration such as \"5 m\", \"300 s\", \"500 ms\" or "
                    + "\"PT5M\" (a whole number and ns, μs, ms, s, m, h or d; seconds without a unit), got '" + text
                    + "'. Fix it in junit-platform.properties or the system properties.");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(java.util.Locale.ROOT);
        return switch (unit) {
            case "ns" -> Duration.ofNanos(amount);
            case "us", "\u03bcs" -> Duration.ofNanos(amount * 1000);
            case "ms" -> Duration.ofMillis(amount);
            case "m", "min" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    /** Rejects null, zero and negative durations with a message naming the setting. */
    public static Duration positive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive, got " + duration);
        }
        return duration;
    }
}
