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
    // Described only when asked for: describing every request would cost each one a decode.
    private record InFlight(int connection, Instant since, byte[] payload, String why) {
    }

    private final java.util.Map<Integer, InFlight> unanswered = new java.util.TreeMap<>();
    private final java.util.Set<Integer> takenUnmatched = new java.util.HashSet<>();
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

    /**
     * The well-formed requests no stub answered. Undecodable ones are {@linkplain #protocolErrors protocol errors}
     * instead, and a stub that threw is a {@linkplain #stubFailures stub failure}.
     */
    public List<RecordedRequest> unmatched() {
        return requests().stream().filter(r -> !r.matched() && !r.undecodable())
                .collect(Collectors.toUnmodifiableList());
    }

    /** The unmatched requests not yet taken with {@code takeUnmatched()}: they fail the test after teardown. */
    public List<RecordedRequest> untakenUnmatched() {
        synchronized (lock) {
            return unmatched().stream().filter(r -> !takenUnmatched.contains(r.sequence()))
                    .collect(Collectors.toUnmodifiableList());
        }
    }

    /** Marks the unmatched requests so far as expected and returns those not taken before. */
    List<RecordedRequest> takeUnmatched() {
        synchronized (lock) {
            List<RecordedRequest> taken = untakenUnmatched();
            taken.forEach(r -> takenUnmatched.add(r.sequence()));
            return taken;
        }
    }

    /** The requests whose stub threw, in number order. */
    public List<RecordedRequest> stubFailures() {
        return requests().stream().filter(r -> r.stubFailure().isPresent())
                .collect(Collectors.toUnmodifiableList());
    }

    /** The requests received and not answered yet (stub still running, reply delayed, or never to come). */
    public List<Unanswered> unanswered() {
        synchronized (lock) {
            List<Unanswered> described = new ArrayList<>(unanswered.size());
            unanswered.forEach((sequence, f) -> described.add(new Unanswered(sequence, f.connection(), f.since(),
                    codec.describe(f.payload()), f.why())));
            return described;
        }
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

    /** A request arrived and goes to its stub now. */
    void arrived(int sequence, int connection, Instant time, byte[] payload) {
        synchronized (lock) {
            unanswered.put(sequence, new InFlight(connection, time, payload, "is still being handled by its stub"));
        }
    }

    /** The reply of request {@code sequence} was sent (or the connection it came on is gone). */
    void answered(int sequence) {
        synchronized (lock) {
            unanswered.remove(sequence);
        }
    }

    RecordedRequest record(int sequence, int connection, Instant time, byte[] payload, Outcome outcome) {
        synchronized (lock) {
            RecordedRequest request = new RecordedRequest(sequence, connection, time, payload,
                    outcome.matched(), outcome.reply(), outcome.fault(), codec, outcome.undecodable() != null,
                    outcome.stubFailure());
            InFlight waiting = unanswered.get(sequence);
            if (waiting != null) {
                unanswered.put(sequence, new InFlight(connection, waiting.since(), waiting.payload(),
                        whyUnanswered(outcome)));
            }
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

    private static String whyUnanswered(Outcome outcome) {
        if (outcome.stubFailure() != null) {
            return "its stub threw " + outcome.stubFailure();
        }
        if (outcome.undecodable() != null) {
            return "could not be decoded, so it was never answered";
        }
        if (!outcome.matched()) {
            return "no stub matched it, so it was never answered";
        }
        if (outcome.outgoing() == null || (outcome.outgoing().frame() == null && !outcome.outgoing().close()
                && !outcome.outgoing().reset())) {
            return "never answered (Reply.none())";
        }
        long delayMillis = outcome.outgoing().delayNanos() / 1_000_000;
        return delayMillis > 0 ? "its reply is due " + delayMillis + " ms after it arrived (Reply.after)"
                : "its reply is being sent";
    }

    private void changed() {
        version++;
        lock.notifyAll();
    }
}
