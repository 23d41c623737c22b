package dev.jig.system.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The TCP ports something listens on in the network namespace of a process of this host, read from {@code
 * /proc/<pid>/net/tcp} and {@code tcp6}: for a container on a bridge, what its own sockets say, which a
 * connection through Docker's port proxy cannot.
 */
final class ListeningSockets {

    /** The {@code st} column of a socket in the LISTEN state. */
    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /** The listening ports, or empty where the tables cannot be read (another host's engine, no /proc). */
    static Optional<Set<Integer>> of(long pid) {
        Set<Integer> ports = new HashSet<>();
        boolean read = false;
        for (String table : List.of("tcp", "tcp6")) {
            Path file = Path.of("/proc", Long.toString(pid), "net", table);
            try {
                parse(Files.readAllLines(file), ports);
                read = true;
            } catch (IOException | SecurityException e) {
                // tcp6 is missing where IPv6 is off; if neither can be read, nothing is known
            }
        }
        return read ? Optional.of(ports) : Optional.empty();
    }

    /** Adds the local ports of the LISTEN rows of one table ({@code sl local_address rem_address st ...}). */
    static void parse(List<String> lines, Set<Integer> ports) {
        for (String line : lines) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length < 4 || !LISTEN.equals(columns[3])) {
                continue;
            }
            int colon = columns[1].lastIndexOf(':');
            if (colon < 0) {
                continue;
            }
            try {
                ports.add(Integer.parseInt(columns[1].substring(colon + 1), 16));
            } catch (NumberFormatException e) {
                // the header row, or a row this parser does not know
            }
        }
    }
}
