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

    /** Rejects null, zero and negative durations with a message naming the setting. */
    public static Duration positive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive, got " + duration);
        }
        return duration;
    }
}
