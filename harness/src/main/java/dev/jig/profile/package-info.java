/**
 * Profiles in one model: exact (instrumented with Byte Buddy advice) and sampled (JFR) call trees, the flat
 * profiles derived from them, and the profiles of systems under test. Entry type: {@link dev.jig.profile.Profiler}.
 */
package dev.jig.profile;
