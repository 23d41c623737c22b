package dev.jig.system;

import dev.jig.record.OutputLine;
import dev.jig.record.ProcessRecord;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A system could not be started or did not become ready. Jig has stopped it before throwing; the
 * exception keeps what it printed. Subclasses name the phase that failed.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public class SystemStartException extends RuntimeException {

    private final String systemName;
    private final transient List<OutputLine> output;
    private transient ProcessRecord record;

    /** For failures of services built on systems, which share this contract. */
    protected SystemStartException(String systemName, String message, List<OutputLine> output, Throwable cause) {
        super(message, cause);
        this.systemName = systemName;
        this.output = List.copyOf(output);
    }

    /** The name the user gave the system, e.g. {@code "atm"}. */
    public String systemName() {
        return systemName;
    }

    /** What the system did before it was stopped, for the test's record; empty if it never ran. */
    public Optional<ProcessRecord> record() {
        return Optional.ofNullable(record);
    }

    /** Keeps the record of the stopped system, for the test's record. */
    protected final void attach(ProcessRecord stopped) {
        this.record = stopped;
    }

    /** The output kept up to the failure (empty if it never ran). */
    public List<OutputLine> output() {
        return output;
    }
}
