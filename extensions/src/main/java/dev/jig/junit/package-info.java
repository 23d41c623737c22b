/**
 * JUnit Jupiter glue: declare fake servers ({@link dev.jig.junit.FakeServer}), systems under test
 * ({@link dev.jig.junit.SystemUnderTest}) and clients ({@link dev.jig.junit.Client}) as fields of a
 * {@link dev.jig.junit.JigTest} class; a {@code static} field lives for the class, an instance field for
 * each test. Everything else is in {@code internal} and may change.
 */
package dev.jig.junit;
