package dev.jig.junit.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * What a failing test's message says of a system under test, whatever runs it: running, or exited with which code,
 * when, and how long before the failure.
 *
 * @param name        the name the user gave it
 * @param alive       whether it still runs
 * @param exitCode    its exit code once exited
 * @param exitedAt    when it exited, where known
 * @param onItsOwn    whether it exited by itself (not stopped by Jig)
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record SystemFacts(String name, boolean alive, OptionalInt exitCode, Optional<Instant> exitedAt,
                          boolean onItsOwn) {

    private static final long SEEN_LATE_MILLIS = 100;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    /** {@code "running"} or {@code "exited with code 2 at 19:23:03.769, 31 ms before the failure"}. */
    public String state(Instant failedAt) {
        if (alive) {
            return "running";
        }
        String code = exitCode.isPresent() ? Integer.toString(exitCode.getAsInt()) : "?";
        return "exited with code " + code + exitedAt.map(at -> " at " + clock(at) + relative(at, failedAt)).orElse("");
    }

    /** The first line's fact when the system died by itself before the failure; empty while it runs. */
    public Optional<String> headline(Instant failedAt) {
        if (alive || !onItsOwn) {
            return Optional.empty();
        }
        return Optional.of("the system '" + name + "' " + state(failedAt).replaceFirst(" at ", " during the test, at "));
    }

    private static String relative(Instant at, Instant failedAt) {
        if (failedAt == null) {
            return "";
        }
        long millis = Duration.between(at, failedAt).toMillis();
        if (millis >= 0) {
            return ", " + millis + " ms before the failure";
        }
        // Jig sees an exit a little after it happened; the test may see the closed connection first.
        return millis > -SEEN_LATE_MILLIS ? ", as the test failed" : ", " + (-millis) + " ms after the failure";
    }

    private static String clock(Instant at) {
        return CLOCK.format(LocalTime.ofInstant(at, ZoneId.systemDefault()));
    }
}
