package dev.jig.junit.internal;

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

    static void startTest(ExtensionContext context) {
        try {
            testStage(context).startAll();
        } catch (RuntimeException | Error e) {
            throw masked(e);
        }
    }

    static void stopTest(ExtensionContext context) {
        PostMortem.holdIfFailed(context);
        Stage stage = context.getStore(Recording.NAMESPACE).get(testKey(context), Stage.class);
        if (stage != null) {
            stage.close(context.getConfigurationParameter(Settings.STOP_IN_BACKGROUND).map(String::trim)
                    .map(Boolean::parseBoolean).orElse(false));
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
