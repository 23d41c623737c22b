package dev.jig.junit.internal;

import org.apiguardian.api.API;

/**
 * A declared resource with a part that belongs to each test: a database cloned for the test from a cluster that
 * lives for the class. Every test's stage gets a fresh companion, started before the test's own resources (so
 * that they can be handed its address) and stopped after them.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public interface TestCompanions {

    /** A new companion for one test; started and stopped by that test's stage. */
    JigResource testCompanion();
}
