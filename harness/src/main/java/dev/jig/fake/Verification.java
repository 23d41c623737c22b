package dev.jig.fake;

import dev.jig.support.Durations;
import dev.jig.wire.Codec;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * Checks what a fake received. The {@code received…} checks wait up to the verification timeout
 * for the request to arrive (the system may send it a little after the test's action returns);
 * the others check at once. Each failure throws a {@link VerificationException} listing the
 * journal.
 *
 * <pre>{@code
 * bank.verify().received(new BalanceQuery("Jane Doe")).noUnmatched().noProtocolErrors();
 * bank.verify(Duration.ofSeconds(5)).receivedMatching(BalanceQuery.class,
 *         q -> q.customer().startsWith("Jane"), "a query for a Jane");
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Verification {

    private final String name;
    private final Journal journal;
    private final Codec codec;
    private final Duration within;

    Verification(String name, Journal journal, Codec codec, Duration within) {
        this.name = name;
        this.journal = journal;
        this.codec = codec;
        this.within = Objects.requireNonNull(within, "within");
    }

    /** Waits for at least one request equal to {@code message} (decoded as its class). */
    public Verification received(Object message) {
        Objects.requireNonNull(message, "message");
        int count = awaitCount(r -> matches(r, message), n -> n >= 1);
        if (count < 1) {
            throw failure(name + " did not receive " + show(message) + " within " + within() + ".");
        }
        return this;
    }

    /**
     * Waits until exactly {@code times} requests equal to {@code message} have arrived; fails at
     * once if more did.
     */
    public Verification received(Object message, int times) {
        Objects.requireNonNull(message, "message");
        if (times < 0) {
            throw new IllegalArgumentException("times cannot be negative: " + times);
        }
        int count = awaitCount(r -> matches(r, message), n -> n >= times);
        if (count != times) {
            throw failure(name + " received " + show(message) + " " + times(count)
                    + (count < times ? " within " + within() : "") + ", expected " + times(times) + ".");
        }
        return this;
    }

    /** Waits for a request that decodes as {@code type} and satisfies {@code condition}. */
    public <T> Verification receivedMatching(Class<T> type, Predicate<? super T> condition,
                                             String description) {
        Objects.requireNonNull(condition, "condition");
        int count = awaitCount(r -> r.as(type).filter(condition).isPresent(), n -> n >= 1);
        if (count < 1) {
            throw failure(name + " did not receive a " + type.getSimpleName() + " matching "
                    + description + " within " + within() + ".");
        }
        return this;
    }

    /** Checks, now, that no request arrived. */
    public Verification receivedNothing() {
        if (journal.size() > 0) {
            throw failure(name + " should have received nothing.");
        }
        return this;
    }

    /**
     * Checks, now, that no protocol error is outstanding (errors taken with
     * {@code takeProtocolErrors()} count as expected).
     */
    public Verification noProtocolErrors() {
        List<ProtocolError> errors = journal.unacknowledgedProtocolErrors();
        if (!errors.isEmpty()) {
            throw failure(name + " saw " + count(errors.size(), "protocol error")
                    + " (if the test provokes them, takeProtocolErrors() acknowledges them).");
        }
        return this;
    }

    /** Checks, now, that every request was answered by a stub. */
    public Verification noUnmatched() {
        int unmatched = journal.unmatched().size();
        if (unmatched > 0) {
            throw failure(name + " received " + count(unmatched, "request")
                    + " that no stub answered.");
        }
        return this;
    }

    private boolean matches(RecordedRequest request, Object expected) {
        return request.as(expected.getClass()).filter(r -> Objects.deepEquals(r, expected)).isPresent();
    }

    /** Counts matching requests until {@code enough} holds or the timeout passes. */
    private int awaitCount(Predicate<RecordedRequest> match, Predicate<Integer> enough) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            long seen = journal.version();
            int count = (int) journal.requests().stream().filter(match).count();
            if (enough.test(count)) {
                return count;
            }
            try {
                if (!journal.awaitChange(seen, deadline)) {
                    return (int) journal.requests().stream().filter(match).count();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure(name + ": interrupted while waiting for a request.");
            }
        }
    }

    private String show(Object message) {
        return codec.describeMessage(message);
    }

    private String within() {
        return Durations.human(within);
    }

    private VerificationException failure(String headline) {
        return new VerificationException(headline + "\n" + JournalReport.of(journal));
    }

    private static String times(int n) {
        return n == 1 ? "1 time" : n + " times";
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
