/**
 * The process backend of {@link dev.jig.system}: any command or a Java main class, run as a process tree that is
 * stopped as a whole. Nothing here is for users; use {@code SystemSpec.command(...)} or {@code SystemSpec.java(...)}.
 */
package dev.jig.system.process;
