package dev.jig.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import org.apiguardian.api.API;

/**
 * Where a started system listens and what the log line that made it ready captured: the port given at start
 * (or {@link ProcessSpec#FREE_PORT}) until a {@link Ready#logLine} names one, and that line's groups. Shared by
 * {@link SystemProcess} and container systems; not for users.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class ReadyCapture {

    /** Systems are reached on loopback: processes directly, containers through the host's network. */
    public static final String HOST = "127.0.0.1";

    private volatile Integer port;
    private volatile Matcher match;

    /** Starts with the port known at start, or {@code null}. */
    public ReadyCapture(Integer port) {
        this.port = port;
    }

    /** Keeps the match of the ready line, and the port it named (may be null: the port stays as it was). */
    public void capture(Matcher readyLine, Integer capturedPort) {
        match = readyLine;
        if (capturedPort != null) {
            port = capturedPort;
        }
    }

    /** The port, once known. */
    public OptionalInt port() {
        Integer known = port;
        return known == null ? OptionalInt.empty() : OptionalInt.of(known);
    }

    /**
     * {@code "127.0.0.1:<port>"}.
     *
     * @param howToGetOne what the user can do when no port is known, for the message
     * @throws IllegalStateException if no port is known
     */
    public String address(String name, String howToGetOne) {
        Integer known = port;
        if (known == null) {
            throw new IllegalStateException(name + " has no known port, so it has no address. " + howToGetOne);
        }
        return HOST + ":" + known;
    }

    /** A named group of the ready line; empty without a match or a group of that name. */
    public Optional<String> group(String group) {
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
    public List<String> groups() {
        Matcher current = match;
        List<String> groups = new ArrayList<>();
        for (int i = 1; current != null && i <= current.groupCount(); i++) {
            groups.add(current.group(i) == null ? "" : current.group(i));
        }
        return List.copyOf(groups);
    }
}
