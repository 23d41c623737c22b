package dev.jig.profile;

import dev.jig.support.JigLog;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.apiguardian.api.API;

/**
 * The Java agent behind exact profiles: the harness jar names it as {@code Premain-Class}, so
 * {@code -javaagent:/path/to/jig-harness.jar} (e.g. in Surefire's {@code argLine}) gives the profiler its
 * {@link Instrumentation} before any test class loads. Without it, the first exact profile attaches an agent
 * at runtime, once, with one warning.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class JigAgent {

    private static volatile Instrumentation instrumentation;

    private JigAgent() {
    }

    /** Entry point of {@code -javaagent}. */
    public static void premain(String arguments, Instrumentation inst) {
        instrumentation = inst;
    }

    /** Entry point of a runtime attach. */
    public static void agentmain(String arguments, Instrumentation inst) {
        instrumentation = inst;
    }

    /** Whether this JVM was started with {@code -javaagent} pointing at the harness jar. */
    public static boolean loadedAtStartup() {
        return instrumentation != null;
    }

    /**
     * The instrumentation: the one {@code -javaagent} gave, else one attached now (once per JVM, with one
     * warning that says how to avoid it).
     *
     * @throws IllegalStateException if no agent could be attached
     */
    static synchronized Instrumentation instrumentation() {
        Instrumentation known = instrumentation;
        if (known != null) {
            return known;
        }
        try {
            known = ByteBuddyAgent.install();
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("Exact profiling needs a Java agent, and attaching one at runtime "
                    + "failed (" + e + "). Start the test JVM with -javaagent:<path to jig-harness.jar>, e.g. "
                    + "Surefire's <argLine>-javaagent:${dev.jig:jig-harness:jar}</argLine> (see the README).", e);
        }
        JigLog.warn("Jig attached its profiling agent at runtime. To avoid the attach "
                + "(and the JDK's warning about dynamically loaded agents), start the test JVM with "
                + "-javaagent:<path to jig-harness.jar>; see the README, section Profiling.");
        instrumentation = known;
        return known;
    }
}
