package dev.jig.junit.internal;

import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The four callbacks that drive a bench: start the class's static resources before all tests and each
 * test's instance resources before it; stop them after. {@link JigExtension} and every registered resource
 * share them, and {@link Lifecycle} makes each call idempotent, so whichever JUnit calls first does the work.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public abstract class LifecycleCallbacks implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        Lifecycle.startClass(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Lifecycle.stopClass(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Lifecycle.startTest(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Lifecycle.stopTest(context);
    }
}
