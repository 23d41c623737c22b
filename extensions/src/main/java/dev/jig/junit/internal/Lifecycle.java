package dev.jig.junit.internal;

import dev.jig.record.Timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts and stops the stages of a test class: one for its static resources (before all / after all),
 * one per test for its instance resources (before each / after each). Every entry point is idempotent, so
 * {@link JigExtension} and each registered resource may all call it. A stage is put into the JUnit store
 * before anything starts, so JUnit closes it even if an after-callback never runs.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Lifecycle {

    private Lifecycle() {
    }

    /** The phase from the test's start to Jig's set-up. */
    static final String BEFORE_SET_UP = "before set-up (JUnit: test instance, other extensions)";
    /** The phase around the start of a test's resources (their own start phases lie inside it). */
    static final String SET_UP = "set up";
    /** The phase from the last phase of the test (its body, usually) to Jig's tear-down. */
    static final String AFTER_BODY = "after test body (JUnit: after-each methods, other extensions)";
    /** The phase from Jig's last phase before the body (set-up, clients) to the body. */
    static final String BEFORE_BODY = "before test body (JUnit: parameters, interceptors)";
    /** The phase around the stop of a test's resources (their own stop phases lie inside it). */
    static final String TEAR_DOWN = "tear down";

    static void startClass(ExtensionContext context) {
        try {
            classStage(context).startAll();
        } catch (RuntimeException | Error e) {
            throw masked(e);
        }
    }

    // A start failure's message carries output lines; they reach Surefire's XML as they are.
    private static RuntimeException masked(Throwable e) {
        Throwable masked = Masking.mask(e);
        if (masked instanceof Error error) {
            throw error;
        }
        return (RuntimeException) masked;
    }

    static void stopClass(ExtensionContext context) {
        Stage stage = storedClassStage(context);
        if (stage != null) {
            stage.close();
        }
    }

    /**
     * Starts the test's resources inside a {@value #SET_UP} phase, after a {@value #BEFORE_SET_UP} phase for what
     * came between the test's start and this (JUnit creating the test instance, its field initialisers, other
     * extensions' callbacks), so that the timeline names every moment of the test.
     */
    static void startTest(ExtensionContext context) {
        Timeline timeline = Recording.forTest(context).timeline();
        try (var span = timeline.spanAfterOutside(BEFORE_SET_UP, SET_UP)) {
            testStage(context).startAll();
        } catch (RuntimeException | Error e) {
            throw masked(e);
        }
    }

    /** Stops the test's resources inside a {@value #TEAR_DOWN} phase, after an {@value #AFTER_BODY} phase. */
    static void stopTest(ExtensionContext context) {
        Timeline timeline = Recording.forTest(context).timeline();
        try (var span = timeline.spanAfterOutside(AFTER_BODY, TEAR_DOWN)) {
            PostMortem.holdIfFailed(context);
            Stage stage = context.getStore(Recording.NAMESPACE).get(testKey(context), Stage.class);
            if (stage != null) {
                stage.close(context.getConfigurationParameter(Settings.STOP_IN_BACKGROUND).map(String::trim)
                        .map(Boolean::parseBoolean).orElse(false));
            }
        }
    }

    /** The stage of the test of {@code context}, created if needed. */
    static Stage testStage(ExtensionContext context) {
        return context.getStore(Recording.NAMESPACE).computeIfAbsent(testKey(context),
                key -> new Stage("test " + context.getDisplayName(),
                        Companions.withCompanions(context, Declarations.ofTest(context)),
                        Recording.forTest(context)), Stage.class);
    }

    /** The stages visible from {@code context}: its test's first, then its classes', innermost first. */
    static List<Stage> visibleStages(ExtensionContext context) {
        List<Stage> stages = new ArrayList<>();
        if (context.getTestMethod().isPresent()) {
            Stage test = context.getStore(Recording.NAMESPACE).get(testKey(context), Stage.class);
            if (test != null) {
                stages.add(test);
            }
        }
        Optional<ExtensionContext> current = Optional.of(context);
        while (current.isPresent()) {
            Stage stage = storedClassStage(current.get());
            if (stage != null) {
                stages.add(stage);
            }
            current = current.get().getParent();
        }
        return stages;
    }

    private static Stage classStage(ExtensionContext context) {
        return context.getStore(Recording.NAMESPACE).computeIfAbsent(classKey(context),
                key -> new Stage("class " + context.getRequiredTestClass().getSimpleName(),
                        Declarations.ofClass(context.getRequiredTestClass()), Recording.forClass(context)),
                Stage.class);
    }

    private static Stage storedClassStage(ExtensionContext context) {
        return context.getStore(Recording.NAMESPACE).get(classKey(context), Stage.class);
    }

    // Keys carry the unique id because store look-ups fall back to parent contexts.
    private static String classKey(ExtensionContext context) {
        return "class-stage " + context.getUniqueId();
    }

    private static String testKey(ExtensionContext context) {
        return "test-stage " + context.getUniqueId();
    }
}
