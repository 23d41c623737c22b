package dev.jig.record;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apiguardian.api.API;

/**
 * One line a process wrote, with when it arrived and on which stream.
 *
 * @param time   when Jig read the line
 * @param stream {@link Stream#OUT} or {@link Stream#ERR}
 * @param text   the line without its terminator
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record OutputLine(Instant time, Stream stream, String text) {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    /** The stream a line was written to. */
    public enum Stream {
        OUT, ERR;

        /** {@code "out"} or {@code "err"}, as written in records. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The line as records and failure messages show it: {@code "12:00:00.001 out text"}. */
    public String formatted() {
        LocalTime local = LocalTime.ofInstant(time, ZoneId.systemDefault());
        return CLOCK.format(local) + " " + stream.label() + " " + text;
    }

    @Override
    public String toString() {
        return formatted();
    }
}
