package dev.jig.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The hot path of the counting-only probe ({@link CountingAdvice}), woven for {@link ProfileMode#BOTH}: every
 * entry of an instrumented method adds one to its counter, nothing else (no clock, no stack, no exit advice),
 * so the JIT keeps inlining the method and the samples see nearly the code it would run uninstrumented.
 *
 * <p>Each method gets a number when it is woven ({@link #id}), a constant in its code. Each thread counts into
 * counters of its own, so counts are exact without atomic instructions. The thread that began the session counts
 * into one array that lives as long as the JVM: with the number a constant, the JIT reduces its count to one
 * check of the thread and one increment at a fixed address. Every other thread counts through a thread-local.
 * Calls made by threads still running when the session ends may be missed; outside a session a call costs two
 * field reads and a call.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class CallCounter {

    /** Methods numbered below this are counted by the starting thread on the fast path. */
    static final int FAST_METHODS = 1 << 15;

    private static final long[] STARTERS_CALLS = new long[FAST_METHODS];
    private static final Map<String, Integer> IDS = new HashMap<>();
    private static final List<String> NAMES = new ArrayList<>();

    // The thread that began the running session, null outside one. Not volatile: a volatile read in every woven
    // method would keep the JIT from moving the method's own loads and stores across it. The starter reads its
    // own writes; any other thread that reads a stale value sees another thread and takes the slow path, which
    // reads the volatile session. (Only a starter whose session another thread ended could count on into the
    // next session: sessions end on the thread that began them, Profiler.stop in a test.)
    private static Thread starter;
    private static volatile Session session;

    private CallCounter() {
    }

    /** Called on entry of a woven method with the number {@link #id} gave it when it was woven. */
    public static void count(int method) {
        // Under 35 bytes of bytecode, so that the JIT inlines it at every call site, even cold ones.
        if (starter == Thread.currentThread() && method < FAST_METHODS) {
            STARTERS_CALLS[method]++;
        } else {
            countElsewhere(method);
        }
    }

    // Over 35 bytes of bytecode on purpose: the JIT then leaves this rare path a call instead of inlining it
    // into every woven method, which would make them too big to be inlined in turn.
    private static void countElsewhere(int method) {
        Session current = session;
        if (current == null) {
            return;
        }
        Counts counts = current.mine.get();
        if (counts == null || method >= counts.calls.length) {
            counts = current.grow(counts, method);
        }
        counts.calls[method]++;
    }

    /** The number of {@code method} ({@code Class.method} as woven), the same for the life of the JVM. */
    static synchronized int id(String method) {
        return IDS.computeIfAbsent(method, name -> {
            NAMES.add(name);
            return NAMES.size() - 1;
        });
    }

    private static synchronized String name(int id) {
        return NAMES.get(id);
    }

    private static synchronized int knownMethods() {
        return NAMES.size();
    }

    /** Starts a session on this thread; at most one runs at a time. */
    static synchronized Session begin() {
        if (session != null) {
            throw new IllegalStateException("A count of calls is already being recorded in this JVM.");
        }
        Arrays.fill(STARTERS_CALLS, 0);
        Session started = new Session();
        session = started;
        starter = Thread.currentThread();
        return started;
    }

    /** Ends {@code ended}: the calls of each method (normalised names, {@link MethodNames}), most calls first. */
    static synchronized Map<String, Long> end(Session ended) {
        if (session != ended) {
            return Map.of();
        }
        starter = null;
        session = null;
        Map<String, Long> byMethod = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        add(STARTERS_CALLS, byMethod, names);
        for (long[] calls : ended.all()) {
            add(calls, byMethod, names);
        }
        Map<String, Long> sorted = new LinkedHashMap<>();
        byMethod.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static void add(long[] calls, Map<String, Long> byMethod, Map<String, String> names) {
        for (int id = 0; id < calls.length; id++) {
            if (calls[id] > 0) {
                String method = names.computeIfAbsent(name(id), MethodNames::qualified);
                byMethod.merge(method, calls[id], Long::sum);
            }
        }
    }

    /** One thread's counters off the fast path, indexed by method number; only that thread writes them. */
    private static final class Counts {
        final long[] calls;

        Counts(long[] calls) {
            this.calls = calls;
        }
    }

    /** One recording: the counters of every thread that counted off the fast path during it. */
    static final class Session {
        private final ThreadLocal<Counts> mine = new ThreadLocal<>();
        private final List<Counts> all = new ArrayList<>();

        /** This thread's counters grown to hold {@code method} (classes woven during the session bring new numbers). */
        Counts grow(Counts counts, int method) {
            int size = Math.max(method + 1, 2 * knownMethods());
            Counts grown = new Counts(counts == null ? new long[size] : Arrays.copyOf(counts.calls, size));
            replace(counts, grown);
            mine.set(grown);
            return grown;
        }

        private synchronized void replace(Counts old, Counts grown) {
            all.remove(old);
            all.add(grown);
        }

        synchronized List<long[]> all() {
            return all.stream().map(c -> c.calls).toList();
        }
    }
}
