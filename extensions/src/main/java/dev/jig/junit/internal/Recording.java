package dev.jig.junit.internal;

import dev.jig.record.RunRecorder;
import dev.jig.record.ScopeRecorder;
import dev.jig.record.TestRecorder;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.StoreScope;

/**
 * Finds where a test or class records to: the run recorder that {@link JigSessionListener} put into the
 * launcher session. Without one (an engine run without a launcher session) a detached recorder is used,
 * so that everything still works and only the file is not written.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Recording {

    static final Object[] NAMESPACE_PARTS = {"dev.jig"};
    static final Namespace NAMESPACE = Namespace.create(NAMESPACE_PARTS);
    static final String RUN_RECORDER = "run-recorder";

    private Recording() {
    }

    /** The session's run recorder, or {@code null}. */
    static RunRecorder run(ExtensionContext context) {
        return context.getStore(StoreScope.LAUNCHER_SESSION, NAMESPACE).get(RUN_RECORDER, RunRecorder.class);
    }

    /** The session's deadline watch, or {@code null} without a launcher session. */
    static SessionWatch watch(ExtensionContext context) {
        return context.getStore(StoreScope.LAUNCHER_SESSION, NAMESPACE).get(JigSessionListener.WATCH,
                SessionWatch.class);
    }

    /** Where the test of {@code context} records its resources. */
    static ScopeRecorder forTest(ExtensionContext context) {
        RunRecorder run = run(context);
        TestRecorder test = run == null ? null : run.test(context.getUniqueId());
        return test != null ? test : new ScopeRecorder(context.getUniqueId());
    }

    /** Where the class of {@code context} records its static resources. */
    static ScopeRecorder forClass(ExtensionContext context) {
        RunRecorder run = run(context);
        return run != null ? run.forClass(context.getUniqueId()) : new ScopeRecorder(context.getUniqueId());
    }
}
