package dev.jig.junit.internal;

import dev.jig.client.FramedClient;
import dev.jig.support.JigLog;
import dev.jig.waits.WaitRecorder;
import dev.jig.junit.Connect;
import dev.jig.junit.Endpoint;
import dev.jig.junit.JigConfigurationException;
import dev.jig.record.Timeline;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The extension behind {@link dev.jig.junit.JigTest}: drives the lifecycle of the declared resources,
 * injects {@link Connect} clients, times the test body and adds the systems' output and the fakes'
 * unmatched requests to a failing test's message.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class JigExtension extends LifecycleCallbacks implements ParameterResolver,
        TestExecutionExceptionHandler, InvocationInterceptor {

    /** Configuration key: how long {@link Connect} clients wait for a reply by default, in milliseconds. */
    public static final String CONNECT_TIMEOUT = "jig.connect.timeout.millis";

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                    ExtensionContext context) throws Throwable {
        timeBody(invocation, context);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                            ExtensionContext context) throws Throwable {
        timeBody(invocation, context);
    }

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                          ExtensionContext context) throws Throwable {
        timed("before each: " + call.getExecutable().getName(), invocation, context);
    }

    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                         ExtensionContext context) throws Throwable {
        timed("after each: " + call.getExecutable().getName(), invocation, context);
    }

    /** A test class's own {@code @BeforeEach} and {@code @AfterEach} methods are phases of the test, by name. */
    private static void timed(String phase, Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        try (var span = Recording.forTest(context).timeline().span(phase)) {
            invocation.proceed();
        }
    }

    private static void timeBody(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        Stage stage = Lifecycle.testStage(context);
        Timeline timeline = stage.recorder().timeline();
        Settings settings = Settings.from(context::getConfigurationParameter);
        Optional<TestDeadline> deadline = TestDeadline.of(context, settings);
        Optional<Duration> waitThreshold = Settings.waitThreshold(context::getConfigurationParameter);
        Optional<WaitRecorder> waits = Optional.empty();
        Timeline.Span body;
        if (waitThreshold.isPresent()) {
            Timeline.Span start = timeline.spanAfterOutside(Lifecycle.BEFORE_BODY, "waits: start recording");
            try {
                waits = Optional.of(WaitRecorder.start(waitThreshold.get()));
            } catch (RuntimeException | Error e) {
                start.close();
                throw e;
            }
            body = start.then("test body");
        } else {
            body = timeline.spanAfterOutside(Lifecycle.BEFORE_BODY, "test body");
        }
        try (body; var test = CurrentTest.enter(timeline)) {
            if (deadline.isEmpty()) {
                invocation.proceed();
                return;
            }
            DeadlineWatch watch = DeadlineWatch.arm(context.getDisplayName(), context.getRequiredTestClass().getName(),
                    deadline.get(), settings.grace(), Lifecycle.visibleStages(context), stage.recorder(),
                    Recording.watch(context));
            context.getStore(Recording.NAMESPACE).put(deadlineKey(context), watch);
            Throwable thrown = null;
            try {
                invocation.proceed();
            } catch (Throwable t) {
                thrown = t;
            } finally {
                watch.close();
            }
            if (watch.fired()) {
                throw watch.failure(thrown);
            }
            if (thrown != null) {
                throw thrown;
            }
        } finally {
            waits.ifPresent(recorder -> recordWaits(recorder, timeline));
        }
    }

    private static void recordWaits(WaitRecorder recorder, Timeline timeline) {
        try (var span = timeline.span("waits: stop and read")) {
            timeline.trace().waits(recorder.stop(timeline.trace(), timeline.originNanos()));
        } catch (RuntimeException e) {
            recorder.close();
            JigLog.warn("could not record where the test waited: " + e.getMessage());
        }
    }

    private static String deadlineKey(ExtensionContext context) {
        return "deadline " + context.getUniqueId();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.isAnnotated(Connect.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Connect connect = parameter.findAnnotation(Connect.class).orElseThrow();
        Stage stage = Lifecycle.testStage(context);
        try (var span = stage.recorder().timeline().spanAfterOutside(Lifecycle.BEFORE_BODY,
                "connect " + connect.value())) {
            Class<?> type = parameter.getParameter().getType();
            if (type != FramedClient.class) {
                throw new JigConfigurationException("@Connect(\"" + connect.value() + "\") is on a parameter of "
                        + "type " + type.getSimpleName() + "; it injects a FramedClient<Request, Reply>.");
            }
            Endpoint target = findEndpoint(connect.value(), context);
            Class<?> replyType = replyType(parameter, connect);
            FramedClient<?, ?> client = FramedClient.builder(replyType)
                    .name(connect.value())
                    .framing(target.framing())
                    .codec(target.codec())
                    .timeout(replyTimeout(connect, context))
                    .trace(stage.recorder().timeline().trace())
                    .connect(target.host(), target.port());
            stage.adopt(client);
            return client;
        }
    }

    private static Duration replyTimeout(Connect connect, ExtensionContext context) {
        if (connect.timeoutMillis() > 0) {
            return Duration.ofMillis(connect.timeoutMillis());
        }
        String configured = context.getConfigurationParameter(CONNECT_TIMEOUT).orElse("5000").trim();
        try {
            long millis = Long.parseLong(configured);
            if (millis > 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new JigConfigurationException(CONNECT_TIMEOUT + " must be a positive number of milliseconds, got '"
                + configured + "'. Fix it in junit-platform.properties or the system properties.");
    }

    private static Endpoint findEndpoint(String name, ExtensionContext context) {
        List<String> known = new ArrayList<>();
        for (Stage stage : Lifecycle.visibleStages(context)) {
            for (JigResource resource : stage.declared()) {
                if (resource.name().equals(name) && resource instanceof Endpoint endpoint) {
                    return endpoint;
                }
                if (resource instanceof Endpoint) {
                    known.add(resource.name());
                }
            }
        }
        throw new JigConfigurationException("@Connect(\"" + name + "\"): " + context.getRequiredTestClass()
                .getSimpleName() + " declares no system, fake TCP server or proxy named '" + name + "'. "
                + (known.isEmpty() ? "It declares none at all: add a SystemUnderTest, FakeServer.tcp or Proxy field."
                        : "Declared: " + String.join(", ", known) + "."));
    }

    private static Class<?> replyType(ParameterContext parameter, Connect connect) {
        Type generic = parameter.getParameter().getParameterizedType();
        if (generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[1] instanceof Class<?> reply) {
            return reply;
        }
        if (generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[1] instanceof ParameterizedType replyGeneric
                && replyGeneric.getRawType() instanceof Class<?> raw) {
            return raw;
        }
        throw new JigConfigurationException("@Connect(\"" + connect.value() + "\") needs to know the reply "
                + "type: declare the parameter as FramedClient<Request, Reply>, e.g. "
                + "FramedClient<AtmRequest, AtmReply>, not " + generic.getTypeName() + ".");
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        Instant failedAt = Instant.now();
        Throwable primary = deadlineFirst(context, failure);
        List<Stage> stages = Lifecycle.visibleStages(context);
        for (Stage stage : stages) {
            for (JigResource resource : stage.declared()) {
                Optional<Throwable> stubFailure = resource.takeFailure();
                if (stubFailure.isPresent()) {
                    // What a stub threw is the test's failure; what the test then saw goes beside it.
                    stubFailure.get().addSuppressed(primary);
                    primary = stubFailure.get();
                    break;
                }
            }
        }
        StringBuilder diagnostics = new StringBuilder();
        List<String> headlines = new ArrayList<>();
        for (Stage stage : stages) {
            headlines.addAll(stage.headlines(failedAt)); // first: it gives a dying system a moment to be seen exit
        }
        for (Stage stage : stages) {
            diagnostics.append(stage.diagnostics(failedAt));
        }
        throw FailureDiagnostics.attach(primary, headlines, diagnostics.toString());
    }

    // JUnit's own @Timeout wraps what the body threw into its TimeoutException; Jig's says more, so it goes first.
    private static Throwable deadlineFirst(ExtensionContext context, Throwable failure) {
        DeadlineWatch watch = context.getStore(Recording.NAMESPACE).get(deadlineKey(context), DeadlineWatch.class);
        if (watch == null || !watch.fired() || failure instanceof dev.jig.junit.TestDeadlineException) {
            return failure;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (suppressed instanceof dev.jig.junit.TestDeadlineException ours) {
                ours.addSuppressed(new FailureDiagnostics.JigDiagnostics("JUnit: " + failure));
                return ours;
            }
        }
        if (failure.getCause() instanceof dev.jig.junit.TestDeadlineException ours) {
            return ours;
        }
        return failure;
    }
}
