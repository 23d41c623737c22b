/**
 * Where the test JVM's threads blocked — socket reads and writes, parks, monitor waits — from JFR events above a
 * threshold: {@link dev.jig.waits.WaitRecorder}.
 */
package dev.jig.waits;
