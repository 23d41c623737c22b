/**
 * Scripted fake servers that a system under test talks to: {@link dev.jig.fake.FakeTcpServer}
 * answers framed requests by stubs chosen by message type, records every request in a
 * {@link dev.jig.fake.Journal}, and {@link dev.jig.fake.Verification verifies} what arrived.
 */
package dev.jig.fake;
