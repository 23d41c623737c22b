package dev.jig.process;

import java.time.Duration;
import java.util.Objects;

/** Formats and checks durations the way messages show them: "10 s", "250 ms", "1.5 s". */
final class Durations {

    private Durations() {
    }

    static String human(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** Rejects null, zero and negative durations with a message naming the setting. */
    static Duration positive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive, got " + duration);
        }
        return duration;
    }
}
