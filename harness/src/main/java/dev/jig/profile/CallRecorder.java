package dev.jig.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The hot path of exact profiling, called by the woven advice on every entry and exit of an instrumented
 * method. Each thread builds its own tree (no locks, no sharing while it runs); the trees are merged when the
 * session ends. Outside a session every call returns at once.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class CallRecorder {

    private static volatile Session session;
    private static final ThreadLocal<ThreadTree> THREAD = new ThreadLocal<>();

    private CallRecorder() {
    }

    /** Called on method entry; returns the node entered, or {@code null} when not profiling. */
    public static Object enter(String method) {
        Session current = session;
        if (current == null) {
            return null;
        }
        ThreadTree tree = THREAD.get();
        if (tree == null || tree.session != current) {
            tree = current.register();
            THREAD.set(tree);
        }
        CallTree calls = tree.tree;
        CallTree.Node node = calls.current.child(method);
        calls.current = node;
        node.calls++;
        node.startedAt = System.nanoTime();
        return node;
    }

    /** Called on every exit, normal or by exception, with what {@link #enter} returned. */
    public static void exit(Object entered) {
        long now = System.nanoTime();
        if (entered == null) {
            return;
        }
        CallTree.Node node = (CallTree.Node) entered;
        node.totalNanos += now - node.startedAt;
        // Nodes belong to one thread's tree, so no thread-local look-up is needed to move its cursor back.
        if (node.tree.current == node) {
            node.tree.current = node.parent;
        }
    }

    /** Starts a session; at most one runs at a time. */
    static synchronized Session begin() {
        if (session != null) {
            throw new IllegalStateException("An exact profile is already being recorded in this JVM. Exact "
                    + "profiles are global to the JVM: profile one test at a time (run profiled tests with "
                    + "@Execution(ExecutionMode.SAME_THREAD) or in a class of their own).");
        }
        Session started = new Session();
        session = started;
        return started;
    }

    /** Ends {@code ended} and returns the merged tree of all its threads. */
    static synchronized CallTree end(Session ended) {
        if (session == ended) {
            session = null;
        }
        CallTree merged = new CallTree();
        Map<String, String> names = new HashMap<>();
        for (ThreadTree tree : ended.snapshot()) {
            merged.merge(tree.tree, raw -> names.computeIfAbsent(raw, MethodNames::qualified));
        }
        return merged;
    }

    /** One recording: the trees of the threads that entered an instrumented method during it. */
    static final class Session {
        private final List<ThreadTree> trees = new ArrayList<>();

        synchronized ThreadTree register() {
            ThreadTree tree = new ThreadTree(this);
            trees.add(tree);
            return tree;
        }

        synchronized List<ThreadTree> snapshot() {
            return List.copyOf(trees);
        }
    }

    static final class ThreadTree {
        final Session session;
        final CallTree tree = new CallTree();

        ThreadTree(Session session) {
            this.session = session;
        }
    }
}
