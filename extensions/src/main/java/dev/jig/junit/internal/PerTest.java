package dev.jig.junit.internal;

import dev.jig.record.ScopeRecorder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * The parts of one declared resource that belong to the tests running now (a database each), and the companions
 * that open and close them. A test finds its own by its thread; with one test running, that test's part is found
 * from any thread (a {@code @Timeout} thread, a system's output reader).
 *
 * @param <P> the per-test part, closed when the test ends
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class PerTest<P extends AutoCloseable> {

    private record Held<P>(Thread thread, P part) {
    }

    private final String owner;
    private final String what;
    private final List<Held<P>> active = new CopyOnWriteArrayList<>();

    /**
     * @param owner the declared resource's name, e.g. {@code "db"}
     * @param what  what the part is, for phases and messages, e.g. {@code "database"}
     */
    public PerTest(String owner, String what) {
        this.owner = owner;
        this.what = what;
    }

    /**
     * A companion that opens a part with {@code open} in a phase {@code "<what> <owner>"} when its test starts, and
     * closes it in a phase {@code "drop <what> <owner>"} (or without a phase, if {@code closePhase} is false) when
     * the test ends; {@code describe} says, for a failing test's message, which part the test had.
     */
    public JigResource companion(Supplier<P> open, boolean closePhase, Function<P, String> describe) {
        return new Companion(open, closePhase, describe);
    }

    /** The current test's part. */
    public P current() {
        Thread thread = Thread.currentThread();
        for (Held<P> held : active) {
            if (held.thread() == thread) {
                return held.part();
            }
        }
        List<Held<P>> now = List.copyOf(active);
        if (now.size() == 1) {
            return now.get(0).part();
        }
        if (now.isEmpty()) {
            throw new IllegalStateException(owner + " has no " + what + " for a test right now. Jig opens one before"
                    + " each test of a @JigTest class (the phase '" + what + " " + owner + "') and closes it after"
                    + " the test: ask for it from a test, or from a resource's arguments as a supplier (e.g. "
                    + owner + "::jdbcUrl), not while fields are being initialised.");
        }
        throw new IllegalStateException(owner + ": " + now.size() + " tests run at once, each with its own " + what
                + ", and this thread (" + thread.getName() + ") is none of theirs. Ask for it from the test's own"
                + " thread.");
    }

    private final class Companion implements JigResource {

        private final Supplier<P> open;
        private final boolean closePhase;
        private final Function<P, String> describe;
        private volatile Held<P> held;

        Companion(Supplier<P> open, boolean closePhase, Function<P, String> describe) {
            this.open = open;
            this.closePhase = closePhase;
            this.describe = describe;
        }

        @Override
        public String name() {
            return owner + " (" + what + " of this test)";
        }

        @Override
        public boolean isRunning() {
            return held != null;
        }

        @Override
        public void start(ScopeRecorder recorder) {
            if (held != null) {
                throw new IllegalStateException(name() + " is already open.");
            }
            try (var span = recorder.timeline().span(what + " " + owner)) {
                Held<P> opened = new Held<>(Thread.currentThread(), open.get());
                held = opened;
                active.add(opened);
            }
        }

        @Override
        public void stop(ScopeRecorder recorder) {
            Held<P> current = held;
            if (current == null) {
                return;
            }
            held = null;
            active.remove(current);
            if (closePhase) {
                try (var span = recorder.timeline().span("drop " + what + " " + owner)) {
                    closeNow(current.part());
                }
            } else {
                closeNow(current.part());
            }
        }

        private void closeNow(P part) {
            try {
                part.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("Could not close " + name() + ": " + e, e);
            }
        }

        @Override
        public String diagnostics() {
            Held<P> current = held;
            return current == null ? "" : describe.apply(current.part());
        }
    }
}
