package dev.jig.fake;

import java.util.List;

/** The journal as failure messages show it. */
final class JournalReport {

    private JournalReport() {
    }

    /**
     * <pre>
     * It received 2 requests:
     *   #1 conn 1 {"customer":"John Doe"} -> replied {"balance":100}
     *   #2 conn 1 {"oops":1} -> UNMATCHED
     * Protocol errors: none
     * </pre>
     */
    static String of(Journal journal) {
        List<RecordedRequest> requests = journal.requests();
        List<ProtocolError> errors = journal.protocolErrors();
        StringBuilder report = new StringBuilder();
        if (requests.isEmpty()) {
            report.append("It received no requests.\n");
        } else {
            report.append("It received ").append(Verification.count(requests.size(), "request"))
                    .append(":\n");
            requests.forEach(r -> report.append("  ").append(r.formatted()).append('\n'));
        }
        if (errors.isEmpty()) {
            report.append("Protocol errors: none");
        } else {
            report.append("Protocol errors:");
            errors.forEach(e -> report.append("\n  ").append(e.formatted()));
        }
        return report.toString();
    }
}
