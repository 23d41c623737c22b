package dev.jig.record;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param stubFailures   requests whose stub threw, with what it threw (they fail the test)
 * @param unanswered     requests it received and never answered, e.g. {@code "received request #1 … and never
 *                       answered (Reply.none())"}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record FakeRecord(String name, String kind, String address, int received,
                         List<String> unmatched, List<String> protocolErrors, List<String> faults,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> stubFailures,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> unanswered) {
    public FakeRecord {
        stubFailures = stubFailures == null ? List.of() : List.copyOf(Secrets.maskAll(stubFailures));
        unanswered = unanswered == null ? List.of() : List.copyOf(Secrets.maskAll(unanswered));
        unmatched = List.copyOf(Secrets.maskAll(unmatched));
        protocolErrors = List.copyOf(Secrets.maskAll(protocolErrors));
        faults = faults == null ? List.of() : List.copyOf(Secrets.maskAll(faults));
    }

    /** A record of a fake whose stubs never threw, with nothing left unanswered. */
    public FakeRecord(String name, String kind, String address, int received, List<String> unmatched,
                      List<String> protocolErrors, List<String> faults) {
        this(name, kind, address, received, unmatched, protocolErrors, faults, List.of(), List.of());
    }

    /** A record of a fake that injected no faults. */
    public FakeRecord(String name, String kind, String address, int received, List<String> unmatched,
                      List<String> protocolErrors) {
        this(name, kind, address, received, unmatched, protocolErrors, List.of());
    }
}
