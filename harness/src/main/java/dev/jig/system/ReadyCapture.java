package dev.jig.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;

/**
 * Where a started system listens and what the log line that made it ready captured: the port given at start
 * (or {@link SystemSpec#FREE_PORT}) until a {@link Ready#logLine} names one, and that line's groups. The port is
 * the system's own; the test reaches it through {@link dev.jig.system.internal.Instance#hostPort}.
 */
final class ReadyCapture {

    private volatile Integer port;
    private volatile Matcher match;

    /** Starts with the port known at start, or {@code null}. */
    ReadyCapture(Integer port) {
        this.port = port;
    }

    /** Keeps the match of the ready line, and the port it named (may be null: the port stays as it was). */
    void capture(Matcher readyLine, Integer capturedPort) {
        match = readyLine;
        if (capturedPort != null) {
            port = capturedPort;
        }
    }

    /** The port, once known. */
    OptionalInt port() {
        Integer known = port;
        return known == null ? OptionalInt.empty() : OptionalInt.of(known);
    }

    /** A named group of the ready line; empty without a match or a group of that name. */
    Optional<String> group(String group) {
        Matcher current = match;
        if (current == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(current.group(group));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // no group of that name
        }
    }

    /** Groups 1..n of the ready line ({@code ""} for a group that did not take part); empty without a match. */
    List<String> groups() {
        Matcher current = match;
        List<String> groups = new ArrayList<>();
        for (int i = 1; current != null && i <= current.groupCount(); i++) {
            groups.add(current.group(i) == null ? "" : current.group(i));
        }
        return List.copyOf(groups);
    }
}
