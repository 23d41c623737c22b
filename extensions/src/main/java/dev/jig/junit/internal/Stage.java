package dev.jig.junit.internal;

import dev.jig.record.ScopeRecorder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The resources of one scope — the static fields of a class, or the instance fields of one test — with
 * the order they actually started in. Resources start in declaration order; one that another needs while
 * starting (its address is asked for) starts first, on demand. They stop in reverse dependency order, independent
 * ones in parallel, each stop independent of the others' failures.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Stage implements AutoCloseable {

    private static final ThreadLocal<Stage> STARTING = new ThreadLocal<>();

    private final String scope;
    private final List<JigResource> declared;
    private final ScopeRecorder recorder;
    private final Deque<JigResource> started = new ArrayDeque<>();
    private final Set<JigResource> starting = new LinkedHashSet<>();
    private final List<AutoCloseable> adopted = new ArrayList<>();
    // Which resource asked for which while starting: a resource stops only after those that need it.
    private final java.util.Map<JigResource, java.util.Set<JigResource>> needs = new java.util.IdentityHashMap<>();
    private boolean closed;

    Stage(String scope, List<JigResource> declared, ScopeRecorder recorder) {
        this.scope = scope;
        this.declared = List.copyOf(declared);
        this.recorder = recorder;
    }

    /**
     * Starts {@code resource} now if a stage is starting on this thread and declares it; returns whether it
     * did. Used when one resource asks for another's address before that one has started.
     */
    public static boolean startOnDemand(JigResource resource) {
        Stage stage = STARTING.get();
        if (stage == null || !stage.declared.contains(resource)) {
            return false;
        }
        stage.start(resource);
        return true;
    }

    /**
     * Notes that the resource starting on this thread uses {@code used} (asked for its address): it then stops only
     * after the user has. Does nothing outside a start.
     */
    public static void noteUse(JigResource used) {
        Stage stage = STARTING.get();
        if (stage != null) {
            stage.noteUseWhileStarting(used);
        }
    }

    private synchronized void noteUseWhileStarting(JigResource used) {
        JigResource user = null;
        for (JigResource resource : starting) {
            user = resource; // the innermost: the last one that began starting
        }
        if (user != null && user != used && declared.contains(used)) {
            recorder.timeline().trace().peer(used.name(), user.name()); // in the trace, the user talks to it
            needs.computeIfAbsent(user, key -> java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()))
                    .add(used);
        }
    }

    /** Starts every declared resource that is not running yet. */
    public synchronized void startAll() {
        for (JigResource resource : declared) {
            if (!resource.isRunning()) {
                start(resource);
            }
        }
    }

    private synchronized void start(JigResource resource) {
        if (closed) {
            throw new IllegalStateException("The resources of " + scope + " were already stopped.");
        }
        if (!starting.add(resource)) {
            throw new dev.jig.junit.JigConfigurationException("Circular dependency while starting " + scope
                    + ": " + String.join(" -> ", names(starting)) + " -> " + resource.name()
                    + ". A resource cannot need the address of one that needs its own.");
        }
        Stage previous = STARTING.get();
        STARTING.set(this);
        try {
            resource.start(recorder);
        } finally {
            // Pushed once its start returns (or fails: stop is safe on a half-started resource), so that a
            // dependency started on demand inside this start is pushed first and stopped last.
            started.push(resource);
            starting.remove(resource);
            if (previous == null) {
                STARTING.remove();
            } else {
                STARTING.set(previous);
            }
        }
    }

    /** Adds something to stop with this stage (before the resources that were running when it came). */
    public synchronized void adopt(AutoCloseable closeable) {
        adopted.add(closeable);
    }

    /** The declared resource of this name, if any. */
    public Optional<JigResource> find(String name) {
        return declared.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The declared resources, in declaration order. */
    public List<JigResource> declared() {
        return declared;
    }

    /** The recorder this stage records into. */
    public ScopeRecorder recorder() {
        return recorder;
    }

    /** What the running resources have to say about a failure. */
    public String diagnostics() {
        return diagnostics(null);
    }

    /** What the resources have to say about a failure at {@code failedAt}, clients' awaited replies included. */
    public String diagnostics(java.time.Instant failedAt) {
        StringBuilder text = new StringBuilder();
        for (JigResource resource : declared) {
            String said = resource.diagnostics(failedAt);
            if (!said.isBlank()) {
                text.append("\n\n").append(said.strip());
            }
        }
        for (dev.jig.client.FramedClient<?, ?> client : clients()) {
            List<String> awaiting = client.awaitingReplies();
            if (!awaiting.isEmpty()) {
                text.append("\n\nclient ").append(client.name()).append(" was awaiting ").append(awaiting.size())
                        .append(awaiting.size() == 1 ? " reply:" : " replies:");
                awaiting.forEach(a -> text.append("\n  ").append(a));
            }
        }
        return text.toString();
    }

    /** The essential facts for a failure's first line: systems that died, stubs that threw. */
    public List<String> headlines(java.time.Instant failedAt) {
        List<String> facts = new ArrayList<>();
        declared.forEach(resource -> resource.headline(failedAt).ifPresent(facts::add));
        return facts;
    }

    /** What the resources and clients still wait for or owe. */
    public List<dev.jig.record.DiagnosticsRecord.Pending> pending() {
        List<dev.jig.record.DiagnosticsRecord.Pending> pending = new ArrayList<>();
        declared.forEach(resource -> pending.addAll(resource.pending()));
        for (dev.jig.client.FramedClient<?, ?> client : clients()) {
            for (String awaiting : client.awaitingReplies()) {
                pending.add(new dev.jig.record.DiagnosticsRecord.Pending(client.name(),
                        dev.jig.record.DiagnosticsRecord.Pending.AWAITED_REPLY, "client " + client.name() + ": "
                        + awaiting, null));
            }
        }
        return pending;
    }

    /** Thread dumps of the running JVM systems, each waiting at most {@code timeout}. */
    public List<dev.jig.record.DiagnosticsRecord.ThreadDump> threadDumps(java.time.Duration timeout) {
        List<dev.jig.record.DiagnosticsRecord.ThreadDump> dumps = new ArrayList<>();
        declared.forEach(resource -> resource.threadDump(timeout).ifPresent(dumps::add));
        return dumps;
    }

    /**
     * Closes what Jig owns and a blocked test may be reading from — clients, fake connections, proxy links — and
     * leaves the resources running, so that the test returns and is stopped as usual.
     */
    public void unblock() {
        for (dev.jig.client.FramedClient<?, ?> client : clients()) {
            client.close();
        }
        for (JigResource resource : declared) {
            try {
                resource.unblock();
            } catch (RuntimeException e) {
                // best effort: the next resource may be what the test waits on
            }
        }
    }

    private synchronized List<dev.jig.client.FramedClient<?, ?>> clients() {
        List<dev.jig.client.FramedClient<?, ?>> clients = new ArrayList<>();
        for (AutoCloseable closeable : adopted) {
            if (closeable instanceof dev.jig.client.FramedClient<?, ?> client) {
                clients.add(client);
            }
        }
        return clients;
    }

    /**
     * Stops everything: adopted clients first, then the resources — in parallel where they are independent, and a
     * resource only after every resource that needs it (asked for its address while starting) has stopped. Then,
     * with everything stopped, fails if a resource reports problems. Safe to call twice.
     */
    @Override
    public void close() {
        close(false);
    }

    /**
     * Stops everything as {@link #close()} does; with {@code systemsInBackground}, systems get their polite signal
     * and exit on their own threads while the rest stops, so the next test need not wait for their exit.
     */
    public void close(boolean systemsInBackground) {
        List<Throwable> failures = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            for (int i = adopted.size() - 1; i >= 0; i--) {
                closeQuietly(adopted.get(i), failures);
            }
            List<JigResource> order = new ArrayList<>(started);
            started.clear();
            // A resource whose uses Jig cannot see (a per-test companion such as a test's own database) stops
            // after every declared resource of the scope, as it did when they stopped one by one.
            for (JigResource companion : order) {
                if (!(companion instanceof ManagedResource<?>)) {
                    for (JigResource user : order) {
                        if (user instanceof ManagedResource<?>) {
                            needs.computeIfAbsent(user, key -> java.util.Collections.newSetFromMap(
                                    new java.util.IdentityHashMap<>())).add(companion);
                        }
                    }
                }
            }
            failures.addAll(ParallelStops.stop(order, needs, resource -> {
                if (systemsInBackground) {
                    resource.stopInBackground(recorder);
                } else {
                    resource.stop(recorder);
                }
            }));
        }
        List<String> problems = new ArrayList<>();
        List<Throwable> resourceFailures = new ArrayList<>();
        declared.forEach(resource -> {
            problems.addAll(resource.problems());
            resource.takeFailure().ifPresent(resourceFailures::add);
        });
        throwCollected(resourceFailures, failures, problems);
    }

    private void throwCollected(List<Throwable> resourceFailures, List<Throwable> failures, List<String> problems) {
        Throwable first = null;
        for (Throwable failure : resourceFailures) {
            if (first == null) {
                first = failure;
            } else {
                first.addSuppressed(failure);
            }
        }
        if (!problems.isEmpty() && first != null) {
            first.addSuppressed(new AssertionError("After the test, " + scope + " reported:\n  - "
                    + String.join("\n  - ", problems)));
        } else if (!problems.isEmpty()) {
            first = new AssertionError("After the test, " + scope + " reported:\n  - "
                    + String.join("\n  - ", problems));
        }
        for (Throwable failure : failures) {
            if (first == null) {
                first = failure;
            } else {
                first.addSuppressed(failure);
            }
        }
        first = Masking.mask(first); // thrown from an after-callback, it reaches Surefire's XML as it is
        if (first instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (first instanceof Error error) {
            throw error;
        }
    }

    private static void closeQuietly(AutoCloseable closeable, List<Throwable> failures) {
        try {
            closeable.close();
        } catch (Exception | Error e) {
            failures.add(e);
        }
    }

    private static List<String> names(Set<JigResource> resources) {
        return resources.stream().map(JigResource::name).toList();
    }
}
