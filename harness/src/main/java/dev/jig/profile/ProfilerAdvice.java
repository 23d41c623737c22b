package dev.jig.profile;

import net.bytebuddy.asm.Advice;
import org.apiguardian.api.API;

/**
 * The advice woven into instrumented methods: its bytecode is copied into them, so it may only call public
 * code ({@link CallRecorder}). The method name is a constant computed when the class is woven;
 * it is normalised ({@link MethodNames}) only when the session ends, off the hot path.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ProfilerAdvice {

    private ProfilerAdvice() {
    }

    @Advice.OnMethodEnter
    static Object enter(@Advice.Origin("#t.#m") String method) {
        return CallRecorder.enter(method);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter Object entered) {
        CallRecorder.exit(entered);
    }
}
