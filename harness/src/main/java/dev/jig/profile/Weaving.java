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
 * Weaves a probe into the selected classes, already loaded ones included (retransformation): the timed one
 * ({@link ProfilerAdvice}, for exact profiles) or the counting-only one ({@link CountingAdvice}, for the
 * hybrid). One selection and probe is woven at a time: a profile with other patterns or the other probe first
 * un-weaves the previous one. Woven classes stay woven between profiles; outside a session a probe costs one
 * or two field reads per call.
 */
final class Weaving {

    /** What the woven code records. */
    enum Probe {
        /** Entry and exit, timed, into a call tree ({@link CallRecorder}). */
        TIMED,
        /** Entry only, counted ({@link CallCounter}). */
        COUNTING
    }

    private static PackagePatterns woven;
    private static Probe wovenProbe;
    private static ResettableClassFileTransformer transformer;

    private Weaving() {
    }

    /** Makes sure exactly the classes of {@code patterns} are woven, with {@code probe}. */
    static synchronized void weave(PackagePatterns patterns, Probe probe) {
        if (patterns.equals(woven) && probe == wovenProbe) {
            return;
        }
        Instrumentation inst = JigAgent.instrumentation();
        if (transformer != null) {
            transformer.reset(inst, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
            transformer = null;
            woven = null;
            wovenProbe = null;
        }
        ElementMatcher<MethodDescription> methods = isMethod().and(not(isAbstract())).and(not(isNative()))
                .and(not(isBridge())).and(not(nameStartsWith("access$")));
        AsmVisitorWrapper advice = advice(probe).on(methods);
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
        wovenProbe = probe;
    }

    private static Advice advice(Probe probe) {
        if (probe == Probe.TIMED) {
            return Advice.to(ProfilerAdvice.class);
        }
        // Each woven method gets its number as a constant, resolved once when it is woven.
        Advice.OffsetMapping methodId = (type, method, assigner, arguments, sort) ->
                Advice.OffsetMapping.Target.ForStackManipulation.of(CallCounter.id(
                        method.getDeclaringType().asErasure().getName() + "." + method.getInternalName()));
        return Advice.withCustomMapping().bind(CountingAdvice.MethodId.class, methodId).to(CountingAdvice.class);
    }

    /**
     * Woven code calls {@link CallRecorder} or {@link CallCounter} (one jar): weave only classes whose loader
     * resolves them to these very classes.
     */
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
