package dev.jig.profile;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.bytebuddy.asm.Advice;
import org.apiguardian.api.API;

/**
 * The counting-only probe woven for {@link ProfileMode#BOTH}: on entry, one static call with the method's number
 * as a constant ({@link CallCounter#count}); no exit advice. Its bytecode is copied into the woven methods, so it
 * may only call public code.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class CountingAdvice {

    private CountingAdvice() {
    }

    @Advice.OnMethodEnter
    static void enter(@MethodId int method) {
        CallCounter.count(method);
    }

    /** Bound by {@link Weaving} to the woven method's number ({@link CallCounter#id}), a constant in its code. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface MethodId {
    }
}
