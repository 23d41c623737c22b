package dev.jig.fake;

import dev.jig.wire.Codec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Everything a fake received, in arrival order, and the malformed input it rejected.
 * Thread-safe: connections append while the test reads.
 *
 * <pre>{@code
 * assertEquals(1, bank.journal().size());
 * assertTrue(bank.journal().unmatched().isEmpty());
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Journal {

    private final Object lock = new Object();
    private final Codec codec;
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final List<ProtocolError> protocolErrors = new ArrayList<>();
    private int acknowledgedErrors;
    private int lastSequence;
    private long version;

    Journal(Codec codec) {
        this.codec = codec;
    }

    /** All requests, in arrival order. */
    public List<RecordedRequest> requests() {
        synchronized (lock) {
            return List.copyOf(requests);
        }
    }

    /** The requests no stub answered (including undecodable ones and stubs that threw). */
    public List<RecordedRequest> unmatched() {
        return requests().stream().filter(r -> !r.matched()).collect(Collectors.toUnmodifiableList());
    }

    /** All protocol errors, including those already taken with {@code takeProtocolErrors()}. */
    public List<ProtocolError> protocolErrors() {
        synchronized (lock) {
            return List.copyOf(protocolErrors);
        }
    }

    /** The requests that got an injected fault, in number order. */
    public List<RecordedRequest> faulted() {
        return requests().stream().filter(r -> r.fault() != null).collect(Collectors.toUnmodifiableList());
    }

    /** How many requests arrived. */
    public int size() {
        synchronized (lock) {
            return requests.size();
        }
    }

    /** The number of the next request (1-based); taken before dispatching, so faults can go by it. */
    int nextSequence() {
        synchronized (lock) {
            return ++lastSequence;
        }
    }

    RecordedRequest record(int sequence, int connection, Instant time, byte[] payload, Outcome outcome) {
        synchronized (lock) {
            RecordedRequest request = new RecordedRequest(sequence, connection, time, payload,
                    outcome.matched(), outcome.reply(), outcome.fault(), codec);
            // Two connections may finish dispatching out of turn; keep the journal in number order.
            int at = requests.size();
            while (at > 0 && requests.get(at - 1).sequence() > sequence) {
                at--;
            }
            requests.add(at, request);
            if (outcome.undecodable() != null) {
                protocolErrors.add(new ProtocolError(connection, time, ProtocolError.Kind.UNDECODABLE,
                        "request #" + request.sequence() + " " + outcome.undecodable()));
            }
            changed();
            return request;
        }
    }

    void protocolError(int connection, ProtocolError.Kind kind, String detail) {
        synchronized (lock) {
            protocolErrors.add(new ProtocolError(connection, Instant.now(), kind, detail));
            changed();
        }
    }

    /** The protocol errors not yet taken, marking them taken. */
    List<ProtocolError> takeProtocolErrors() {
        synchronized (lock) {
            List<ProtocolError> taken = List.copyOf(
                    protocolErrors.subList(acknowledgedErrors, protocolErrors.size()));
            acknowledgedErrors = protocolErrors.size();
            return taken;
        }
    }

    /** The protocol errors not yet taken with {@link FakeTcpServer#takeProtocolErrors()}. */
    public List<ProtocolError> unacknowledgedProtocolErrors() {
        synchronized (lock) {
            return List.copyOf(protocolErrors.subList(acknowledgedErrors, protocolErrors.size()));
        }
    }

    /** Increases with every change; pair with {@link #awaitChange}. */
    long version() {
        synchronized (lock) {
            return version;
        }
    }

    /**
     * Waits until the journal changes after {@code seenVersion} or the deadline passes.
     *
     * @return whether it changed
     */
    boolean awaitChange(long seenVersion, long deadlineNanos) throws InterruptedException {
        synchronized (lock) {
            while (version == seenVersion) {
                long remaining = deadlineNanos - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(lock, remaining);
            }
            return true;
        }
    }

    private void changed() {
        version++;
        lock.notifyAll();
    }
}
