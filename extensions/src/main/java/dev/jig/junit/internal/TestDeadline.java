package dev.jig.junit.internal;

import dev.jig.junit.JigConfigurationException;
import dev.jig.support.Durations;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The deadline Jig watches for one test body, and where it came from: a JUnit {@code @Timeout} on the method or
 * its class (or an enclosing class), else JUnit's timeout keys, else {@value Settings#TEST_TIMEOUT}.
 *
 * @param duration how long the body may run
 * @param source   what set it, for messages: {@code "@Timeout"}, a key's name
 */
@API(status = API.Status.INTERNAL, since = "0.1")
record TestDeadline(Duration duration, String source) {

    private static final String[] JUNIT_KEYS = {
        "junit.jupiter.execution.timeout.test.method.default",
        "junit.jupiter.execution.timeout.testable.method.default",
        "junit.jupiter.execution.timeout.default",
    };

    private static final String MODE = "junit.jupiter.execution.timeout.mode";
    private static final boolean DEBUGGING = java.lang.management.ManagementFactory.getRuntimeMXBean()
            .getInputArguments().stream().anyMatch(arg -> arg.startsWith("-agentlib:jdwp") || arg.startsWith("-Xrunjdwp"));

    /**
     * The deadline of the test of {@code context}; empty when every source says none, when JUnit's timeout mode is
     * {@code disabled}, or while a debugger is attached (a test paused at a breakpoint is not hung) unless the mode
     * is {@code enabled}.
     */
    static Optional<TestDeadline> of(ExtensionContext context, Settings settings) {
        String mode = context.getConfigurationParameter(MODE).map(String::trim).orElse("disabled_on_debug");
        if (mode.equalsIgnoreCase("disabled") || (DEBUGGING && !mode.equalsIgnoreCase("enabled"))) {
            return Optional.empty();
        }
        Optional<Timeout> annotated = AnnotationSupport.findAnnotation(context.getTestMethod(), Timeout.class);
        Optional<ExtensionContext> scope = Optional.of(context);
        while (annotated.isEmpty() && scope.isPresent()) {
            annotated = AnnotationSupport.findAnnotation(scope.get().getTestClass(), Timeout.class);
            scope = scope.get().getParent();
        }
        if (annotated.isPresent()) {
            Timeout timeout = annotated.get();
            return Optional.of(new TestDeadline(Duration.ofNanos(toNanos(timeout.value(), timeout.unit())),
                    "@Timeout"));
        }
        for (String key : JUNIT_KEYS) {
            Optional<String> value = context.getConfigurationParameter(key).map(String::trim).filter(v -> !v.isEmpty());
            if (value.isPresent()) {
                try {
                    return Optional.of(new TestDeadline(Durations.parse(value.get(), key), key));
                } catch (IllegalArgumentException e) {
                    throw new JigConfigurationException(e.getMessage());
                }
            }
        }
        return Optional.ofNullable(settings.testTimeout()).map(d -> new TestDeadline(d, Settings.TEST_TIMEOUT));
    }

    private static long toNanos(long value, TimeUnit unit) {
        return unit.toNanos(value);
    }

    /** {@code "3 s (@Timeout)"}. */
    String describe() {
        return Durations.human(duration) + " (" + source + ")";
    }
}
