package dev.jig.record;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A summary of a fake server's journal, as written to {@code results.json}.
 *
 * @param name           the name the user gave the fake, e.g. {@code "bank"}
 * @param kind           {@code "tcp"} or {@code "http"}
 * @param address        {@code host:port} it listened on
 * @param received       how many requests it received
 * @param unmatched      requests no stub answered, described for people
 * @param protocolErrors malformed input it rejected (oversized, truncated, undecodable)
 * @param faults         faults it injected on purpose, e.g. {@code "request 3 (GET /items/7): reset"}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record FakeRecord(String name, String kind, String address, int received,
                         List<String> unmatched, List<String> protocolErrors, List<String> faults) {
    public FakeRecord {
        unmatched = List.copyOf(unmatched);
        protocolErrors = List.copyOf(protocolErrors);
        faults = faults == null ? List.of() : List.copyOf(faults);
    }

    /** A record of a fake that injected no faults. */
    public FakeRecord(String name, String kind, String address, int received, List<String> unmatched,
                      List<String> protocolErrors) {
        this(name, kind, address, received, unmatched, protocolErrors, List.of());
    }
}
