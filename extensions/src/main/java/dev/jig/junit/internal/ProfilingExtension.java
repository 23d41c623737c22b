package dev.jig.junit.internal;

import dev.jig.junit.Profile;
import dev.jig.profile.ProfileText;
import dev.jig.profile.Profiler;
import dev.jig.record.ProfileRecord;
import dev.jig.record.Timeline;
import dev.jig.support.JigLog;
import java.lang.reflect.Method;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Profiles the tests that {@link Profile} (or {@code jig.profile.enabled}) selects: the test body by default,
 * or from before-each to after-each with scope {@code all}. The profile goes into the test's record; its top
 * rows are published as the report entry {@code jig.profile} and printed. Registered by
 * {@link dev.jig.junit.JigTest} before {@link JigExtension}, so that scope {@code all} covers the resources'
 * start and stop.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ProfilingExtension implements BeforeEachCallback, AfterEachCallback, InvocationInterceptor {

    /** The key of the published report entry. */
    public static final String REPORT_KEY = "jig.profile";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create("dev.jig",
            "profile");

    @Override
    public void beforeEach(ExtensionContext context) {
        settings(context).filter(ProfileSettings::wholeTest).ifPresent(settings -> {
            Running running = new Running(settings);
            context.getStore(NAMESPACE).put(key(context), running); // before it starts: closed by JUnit if need be
            running.profiler = start(context, settings);
        });
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Running running = context.getStore(NAMESPACE).remove(key(context), Running.class);
        if (running != null && running.profiler != null) {
            finish(context, running.profiler, running.settings);
        }
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                    ExtensionContext context) throws Throwable {
        profileBody(invocation, context);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                            ExtensionContext context) throws Throwable {
        profileBody(invocation, context);
    }

    private static void profileBody(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        Optional<ProfileSettings> settings = settings(context).filter(s -> !s.wholeTest());
        if (settings.isEmpty()) {
            invocation.proceed();
            return;
        }
        Profiler profiler = start(context, settings.get());
        try {
            invocation.proceed();
        } catch (Throwable failure) {
            try {
                finish(context, profiler, settings.get());
            } catch (RuntimeException | Error secondary) {
                failure.addSuppressed(secondary);
            }
            throw failure;
        }
        finish(context, profiler, settings.get());
    }

    /** Starts the profiler; its first phase follows the JUnit time before it at once. */
    private static Profiler start(ExtensionContext context, ProfileSettings settings) {
        Timeline timeline = Recording.forTest(context).timeline();
        timeline.phaseSinceLast(Lifecycle.BEFORE_BODY);
        return Profiler.start(settings.options(), timeline);
    }

    private static void finish(ExtensionContext context, Profiler profiler, ProfileSettings settings) {
        Recording.forTest(context).timeline().phaseSinceLast(Lifecycle.AFTER_BODY);
        ProfileRecord profile = profiler.stop();
        try (var span = Recording.forTest(context).timeline().span("profile: record and print")) {
            Recording.forTest(context).profile(profile);
            String text = ProfileText.of(context.getDisplayName(), profile, settings.top());
            context.publishReportEntry(REPORT_KEY, text);
            JigLog.info(text);
        }
    }

    private static Optional<ProfileSettings> settings(ExtensionContext context) {
        Optional<Profile> annotation = AnnotationSupport.findAnnotation(context.getTestMethod(), Profile.class)
                .or(() -> AnnotationSupport.findAnnotation(context.getTestClass(), Profile.class));
        return ProfileSettings.resolve(annotation, context.getRequiredTestClass().getPackageName(),
                context::getConfigurationParameter);
    }

    private static String key(ExtensionContext context) {
        return "profiler " + context.getUniqueId();
    }

    /** A profile of the whole test; closed by JUnit's store if after-each never ran. */
    private static final class Running implements AutoCloseable {
        final ProfileSettings settings;
        Profiler profiler;

        Running(ProfileSettings settings) {
            this.settings = settings;
        }

        @Override
        public void close() {
            if (profiler != null) {
                profiler.close();
            }
        }
    }
}
