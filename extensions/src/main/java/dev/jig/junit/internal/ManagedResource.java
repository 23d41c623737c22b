package dev.jig.junit.internal;

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

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + name + (isRunning() ? ", running" : "") + ")";
    }
}
