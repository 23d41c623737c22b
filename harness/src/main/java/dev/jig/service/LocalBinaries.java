package dev.jig.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The outcome of looking for a service's local binaries: where they are, if found, and every place that was
 * looked at, for the message when they are not.
 *
 * @param found    the directory (or executable) found, if any
 * @param searched each place looked at, with what was there, e.g. {@code "/usr/lib/postgresql/*\/bin: none"}
 * @param configured whether the place was configured (a key or a builder option): then there is no fallback
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public record LocalBinaries(Optional<Path> found, List<String> searched, boolean configured) {

    public LocalBinaries {
        searched = List.copyOf(searched);
    }

    /** "looked in: a; b; c". */
    public String describeSearch() {
        return "looked in: " + String.join("; ", searched);
    }
}
