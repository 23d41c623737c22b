package dev.jig.profile;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.not;

import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Weaves {@link ProfilerAdvice} into the selected classes, already loaded ones included (retransformation).
 * One selection is woven at a time: a profile with other patterns first un-weaves the previous one. Woven
 * classes stay woven between profiles; outside a session the advice costs one volatile read per call.
 */
final class Weaving {

    private static PackagePatterns woven;
    private static ResettableClassFileTransformer transformer;

    private Weaving() {
    }

    /** Makes sure exactly the classes of {@code patterns} are woven. */
    static synchronized void weave(PackagePatterns patterns) {
        if (patterns.equals(woven)) {
            return;
        }
        Instrumentation inst = JigAgent.instrumentation();
        if (transformer != null) {
            transformer.reset(inst, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
            transformer = null;
            woven = null;
        }
        ElementMatcher<MethodDescription> methods = isMethod().and(not(isAbstract())).and(not(isNative()))
                .and(not(isBridge())).and(not(nameStartsWith("access$")));
        AsmVisitorWrapper advice = Advice.to(ProfilerAdvice.class).on(methods);
        transformer = new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .ignore(type -> !patterns.test(type.getName()) || type.isInterface())
                .type(type -> patterns.test(type.getName()), Weaving::seesRecorder)
                .transform((builder, type, loader, module, domain) -> builder.visit(advice))
                .installOn(inst);
        woven = patterns;
    }

    /** Woven code calls {@link CallRecorder}: weave only classes whose loader resolves it to this very class. */
    private static boolean seesRecorder(ClassLoader loader) {
        if (loader == null) {
            return false;
        }
        try {
            return Class.forName(CallRecorder.class.getName(), false, loader) == CallRecorder.class;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
