package dev.jig.profile;

import dev.jig.record.ExactProfile;
import dev.jig.record.FlatRow;
import dev.jig.record.ProfileRecord;
import dev.jig.record.SampledFlatRow;
import dev.jig.record.SampledProfile;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * A short flat profile as text, the top methods by self time, laid out like Python's
 * {@code cProfile} {@code print_stats} (times in milliseconds).
 *
 * <pre>{@code
 * System.out.print(ProfileText.of("janeCanWithdraw()", profile, 10));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ProfileText {

    private ProfileText() {
    }

    /** Both parts of {@code profile} that are present, {@code top} rows each. */
    public static String of(String title, ProfileRecord profile, int top) {
        StringBuilder text = new StringBuilder();
        if (profile.exact() != null) {
            text.append(exact(title, profile.exact(), top));
        }
        if (profile.sampled() != null) {
            text.append(sampled(title, profile.sampled(), top));
        }
        return text.toString();
    }

    /** The exact flat profile: ncalls, tottime, percall, cumtime, percall, method. */
    public static String exact(String title, ExactProfile profile, int top) {
        if (profile.countsOnly()) {
            return counts(title, profile, top);
        }
        long calls = profile.flat().stream().mapToLong(FlatRow::calls).sum();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Exact profile of %s: %,d calls in %.3f ms (profiler cost %d ns/call %s)%n", title, calls,
                ms(profile.tree().totalNanos()), profile.overheadNanosPerCall(),
                profile.overheadSubtracted() ? "subtracted" : "included"));
        text.append(String.format(Locale.ROOT, "%12s %12s %12s %12s %12s  %s%n", "ncalls", "tottime", "percall",
                "cumtime", "percall", "method"));
        List<FlatRow> rows = profile.flat().subList(0, Math.min(top, profile.flat().size()));
        for (FlatRow row : rows) {
            text.append(String.format(Locale.ROOT, "%12d %12.3f %12.6f %12.3f %12.6f  %s%n", row.calls(),
                    ms(row.selfNanos()), ms(row.selfNanos()) / Math.max(1, row.calls()), ms(row.totalNanos()),
                    ms(row.totalNanos()) / Math.max(1, row.calls()), row.method()));
        }
        return text.toString();
    }

    /** A counts-only profile (the hybrid's): ncalls, method; the time is in the sampled profile. */
    private static String counts(String title, ExactProfile profile, int top) {
        long calls = profile.flat().stream().mapToLong(FlatRow::calls).sum();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Calls counted in %s: %,d calls (counting probe, not timed: time is in the sampled profile)%n",
                title, calls));
        text.append(String.format(Locale.ROOT, "%12s  %s%n", "ncalls", "method"));
        for (FlatRow row : profile.flat().subList(0, Math.min(top, profile.flat().size()))) {
            text.append(String.format(Locale.ROOT, "%12d  %s%n", row.calls(), row.method()));
        }
        return text.toString();
    }

    /** The sampled flat profile: self and total samples with their shares, method. */
    public static String sampled(String title, SampledProfile profile, int top) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Sampled profile of %s: %,d samples of %s every %.1f ms (%s)%n", title, profile.samples(),
                profile.event(), ms(profile.intervalNanos()), profile.engine()));
        text.append(String.format(Locale.ROOT, "%8s %7s %8s %7s  %s%n", "self", "self%", "total", "total%",
                "method"));
        long all = Math.max(1, profile.samples());
        for (SampledFlatRow row : profile.flat().subList(0, Math.min(top, profile.flat().size()))) {
            text.append(String.format(Locale.ROOT, "%8d %6.1f%% %8d %6.1f%%  %s%n", row.selfSamples(),
                    100.0 * row.selfSamples() / all, row.totalSamples(), 100.0 * row.totalSamples() / all,
                    row.method()));
        }
        return text.toString();
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
