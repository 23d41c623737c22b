package dev.jig.bench;

import dev.jig.record.BenchStats;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * How much slower than its baseline a benchmark may get: a statistic and a percentage, written
 * {@code mean:10%} (also {@code median}, {@code min}, {@code max}).
 *
 * <pre>{@code
 * Threshold t = Threshold.parse("median:5%");
 * }</pre>
 *
 * @param metric  the statistic compared
 * @param percent the allowed slowdown in percent
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Threshold(String metric, double percent) {

    // Before DEFAULT: the constructor uses it while the class initialises.
    private static final Pattern FORM = Pattern.compile("(mean|median|min|max):(\\d+(?:\\.\\d+)?)%");

    /** {@code median:5%}: the default, because a 10 % slowdown must be caught (see {@link BaselineCheck}). */
    public static final Threshold DEFAULT = new Threshold("median", 5);

    public Threshold {
        if (!FORM.matcher(metric + ":1%").matches() || percent < 0) {
            throw new IllegalArgumentException("threshold needs a metric of mean, median, min or max and a "
                    + "percentage >= 0, got " + metric + ":" + percent + "%");
        }
    }

    /** Parses {@code metric:N%}; the error says what was expected. */
    public static Threshold parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("benchmark threshold '" + text + "' is not of the form "
                    + "<mean|median|min|max>:<percent>%, e.g. mean:10%");
        }
        return new Threshold(m.group(1), Double.parseDouble(m.group(2)));
    }

    /** The statistic this threshold compares. */
    public double of(BenchStats stats) {
        switch (metric) {
            case "median":
                return stats.median();
            case "min":
                return stats.min();
            case "max":
                return stats.max();
            default:
                return stats.mean();
        }
    }

    @Override
    public String toString() {
        String number = percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent);
        return metric + ":" + number + "%";
    }
}
