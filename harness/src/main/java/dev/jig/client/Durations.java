package dev.jig.client;

import java.math.BigDecimal;
import java.time.Duration;

/** Durations as people read them in messages: "2 s", "500 ms", "1.5 s". */
final class Durations {

    private Durations() {
    }

    static String describe(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s";
    }
}
