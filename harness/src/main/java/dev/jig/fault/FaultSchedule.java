package dev.jig.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * Which exchanges a {@link Fault} hits, by their number: the first request a fake receives is number 1.
 * A schedule is a list of rules; the first rule that matches a request decides its fault, and requests
 * no rule matches are answered normally. Schedules are immutable and safe to share.
 *
 * <pre>{@code
 * FaultSchedule.nth(3, Fault.reset())                            // only the 3rd request
 *     .or(FaultSchedule.every(10, Fault.delay(Duration.ofMillis(500))));
 * FaultSchedule.probability(0.1, 42L, Fault.close())             // 10 %, reproducible with seed 42
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class FaultSchedule {

    private static final FaultSchedule NONE = new FaultSchedule(List.of());

    private final List<Rule> rules;

    private FaultSchedule(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** No faults. */
    public static FaultSchedule none() {
        return NONE;
    }

    /** Every request. */
    public static FaultSchedule always(Fault fault) {
        return single(new Rule(Kind.ALWAYS, 0, 0, 0, fault));
    }

    /** Only the {@code n}-th request (1-based). */
    public static FaultSchedule nth(long n, Fault fault) {
        return single(new Rule(Kind.NTH, positive(n, "nth"), 0, 0, fault));
    }

    /** The first {@code n} requests; the rest are answered normally (e.g. "fails twice, then recovers"). */
    public static FaultSchedule first(long n, Fault fault) {
        return single(new Rule(Kind.FIRST, positive(n, "first"), 0, 0, fault));
    }

    /** Every {@code n}-th request: n, 2n, 3n, ... */
    public static FaultSchedule every(long n, Fault fault) {
        return single(new Rule(Kind.EVERY, positive(n, "every"), 0, 0, fault));
    }

    /**
     * Each request with probability {@code p}, decided by {@code seed} and the request's number, so the same
     * seed hits the same requests in every run.
     */
    public static FaultSchedule probability(double p, long seed, Fault fault) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("probability(p, ...) needs 0 <= p <= 1; got " + p + ".");
        }
        return single(new Rule(Kind.PROBABILITY, 0, p, seed, fault));
    }

    /** This schedule's rules, then {@code other}'s; the first matching rule wins. */
    public FaultSchedule or(FaultSchedule other) {
        Objects.requireNonNull(other, "other");
        List<Rule> all = new ArrayList<>(rules);
        all.addAll(other.rules);
        return new FaultSchedule(all);
    }

    /** The fault for the request numbered {@code requestNumber} (1-based), if any. */
    public Optional<Fault> faultFor(long requestNumber) {
        if (requestNumber < 1) {
            throw new IllegalArgumentException("Requests are numbered from 1; got " + requestNumber + ".");
        }
        for (Rule rule : rules) {
            if (rule.matches(requestNumber)) {
                return Optional.of(rule.fault());
            }
        }
        return Optional.empty();
    }

    /** Whether this schedule has no rules. */
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** For messages and the record, e.g. {@code "request 3: reset; every 10th request: delay 500 ms"}. */
    public String describe() {
        if (rules.isEmpty()) {
            return "no faults";
        }
        List<String> parts = new ArrayList<>();
        for (Rule rule : rules) {
            parts.add(rule.describe());
        }
        return String.join("; ", parts);
    }

    @Override
    public String toString() {
        return "FaultSchedule[" + describe() + "]";
    }

    private static FaultSchedule single(Rule rule) {
        return new FaultSchedule(List.of(rule));
    }

    private static long positive(long n, String what) {
        if (n < 1) {
            throw new IllegalArgumentException(what + "(n, ...) counts requests from 1; got " + n + ".");
        }
        return n;
    }

    private enum Kind { ALWAYS, NTH, FIRST, EVERY, PROBABILITY }

    private record Rule(Kind kind, long n, double p, long seed, Fault fault) {
        Rule {
            Objects.requireNonNull(fault, "fault");
        }

        boolean matches(long request) {
            return switch (kind) {
                case ALWAYS -> true;
                case NTH -> request == n;
                case FIRST -> request <= n;
                case EVERY -> request % n == 0;
                case PROBABILITY -> new SplittableRandom(seed * 0x9E3779B97F4A7C15L + request).nextDouble() < p;
            };
        }

        String describe() {
            String which = switch (kind) {
                case ALWAYS -> "every request";
                case NTH -> "request " + n;
                case FIRST -> "the first " + n + " requests";
                case EVERY -> "every " + n + "th request";
                case PROBABILITY -> Math.round(p * 1000) / 10.0 + " % of requests (seed " + seed + ")";
            };
            return which + ": " + fault.describe();
        }
    }
}
