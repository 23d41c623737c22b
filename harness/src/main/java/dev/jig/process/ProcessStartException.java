package dev.jig.process;

import dev.jig.record.OutputLine;
import dev.jig.record.ProcessRecord;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A system could not be started or did not become ready. Jig has stopped it before throwing; the
 * exception keeps what it printed. Subclasses name the phase that failed.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ProcessStartException extends RuntimeException {

    private final String processName;
    private final transient List<OutputLine> output;
    private transient ProcessRecord record;

    /** For the failures of other kinds of system (e.g. containers), which share this contract. */
    protected ProcessStartException(String processName, String message, List<OutputLine> output, Throwable cause) {
        super(message, cause);
        this.processName = processName;
        this.output = List.copyOf(output);
    }

    /** The name the user gave the process, e.g. {@code "atm"}. */
    public String processName() {
        return processName;
    }

    /** What the process did before it was stopped, for the test's record; empty if it never ran. */
    public Optional<ProcessRecord> record() {
        return Optional.ofNullable(record);
    }

    void attach(ProcessRecord stopped) {
        this.record = stopped;
    }

    /** The output kept up to the failure (empty if it never ran). */
    public List<OutputLine> output() {
        return output;
    }
}
