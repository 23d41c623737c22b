package dev.jig.junit.internal;

import dev.jig.record.ScopeRecorder;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * The base of the declarable resources: holds the running thing, starts on demand when another resource
 * needs it, and, when registered with {@code @RegisterExtension}, takes part in the bench's lifecycle
 * (which {@link dev.jig.junit.JigTest} also drives; whichever comes first does the work, once).
 *
 * @param <R> what runs: a server, a process, a client
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public abstract class ManagedResource<R> extends LifecycleCallbacks implements JigResource {

    private final String name;
    private volatile R running;
    private volatile R last;

    protected ManagedResource(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A resource needs a name, e.g. \"bank\" or \"atm\"; got '"
                    + name + "'.");
        }
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean isRunning() {
        return running != null;
    }

    /** The running thing; starts it first if the bench is starting and has not got to it yet. */
    protected final R running() {
        Stage.noteUse(this);
        R current = running;
        if (current != null) {
            return current;
        }
        if (Stage.startOnDemand(this) && running != null) {
            return running;
        }
        throw new IllegalStateException(name + " is not running. Jig starts it before each test (instance "
                + "field) or before all tests (static field) of a @JigTest class; use it from a test or from "
                + "another resource's arguments as a supplier (e.g. " + name + "::address), not while fields "
                + "are being initialised.");
    }

    /** Sets (or, with {@code null}, clears) the running thing. */
    protected final void running(R value) {
        this.running = value;
    }

    /** The running thing, or {@code null}, without starting anything. */
    protected final R runningOrNull() {
        return running;
    }

    /** What this declaration ran last, running or stopped (for diagnostics after a test), or {@code null}. */
    protected final R last() {
        return last;
    }

    /** Starts the thing with {@code starter} and makes it the running one; a declaration runs once per scope. */
    protected final R startWith(Supplier<R> starter) {
        if (running != null) {
            throw new IllegalStateException(name + " is already running; a declaration runs once per scope.");
        }
        R started = starter.get();
        last = started;
        running = started;
        return started;
    }

    /**
     * {@link #startWith} for a system or service that may fail to start: its record (exit code, output) joins
     * {@code recorder} before the failure goes on, so the report shows what it printed.
     */
    protected final R startRecordingFailure(ScopeRecorder recorder, Supplier<R> starter) {
        return startWith(() -> {
            try {
                return starter.get();
            } catch (dev.jig.system.SystemStartException e) {
                e.record().ifPresent(recorder::add);
                throw e;
            }
        });
    }

    /**
     * Stops the running thing, if any, with {@code close} inside a {@code "stop <name>"} phase, then lets
     * {@code record} add what it did to the scope, also when closing failed. Does nothing when not running.
     */
    protected final void stopWith(ScopeRecorder recorder, Consumer<R> close, Consumer<R> record) {
        R current = running;
        if (current == null) {
            return;
        }
        running = null;
        try (var span = recorder.timeline().span("stop " + name)) {
            close.accept(current);
        } finally {
            try (var span = recorder.timeline().span("record " + name)) {
                record.accept(current);
            }
        }
    }

    /**
     * Like {@link #stopWith}, but on a thread of its own: the next test need not wait for this one to exit. The stop
     * phase and the record still reach {@code recorder} (the run's record waits for them, bounded); a failure to stop
     * is printed, as the test it belongs to has ended.
     */
    protected final void stopInBackgroundWith(ScopeRecorder recorder, Consumer<R> close, Consumer<R> record) {
        R current = running;
        if (current == null) {
            return;
        }
        running = null;
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        recorder.pending(done);
        Thread stopper = new Thread(() -> {
            try (var span = recorder.timeline().span("stop " + name)) {
                close.accept(current);
            } catch (RuntimeException | Error e) {
                dev.jig.support.JigLog.warn("stopping " + name + " in the background failed", e);
            } finally {
                try (var span = recorder.timeline().span("record " + name)) {
                    record.accept(current);
                } finally {
                    done.complete(null);
                }
            }
        }, "jig-stop-" + name);
        stopper.setDaemon(true);
        stopper.start();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + name + (isRunning() ? ", running" : "") + ")";
    }
}
