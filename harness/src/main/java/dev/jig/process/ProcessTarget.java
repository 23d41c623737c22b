package dev.jig.process;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.regex.Matcher;

/** A {@link SystemProcess} seen as a {@link ReadinessTarget}, without widening its public API. */
final class ProcessTarget implements ReadinessTarget {

    private final SystemProcess process;

    ProcessTarget(SystemProcess process) {
        this.process = process;
    }

    @Override
    public String name() {
        return process.name();
    }

    @Override
    public String identity() {
        return "pid " + process.pid();
    }

    @Override
    public ProcessOutput output() {
        return process.output();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public OptionalInt exitCode() {
        return process.exitCode();
    }

    @Override
    public OptionalInt port() {
        return process.port();
    }

    @Override
    public void captureMatch(Matcher match, Integer capturedPort) {
        process.captureMatch(match, capturedPort);
    }

    @Override
    public void onExit(Runnable action) {
        process.onExit(action);
    }

    @Override
    public void drainOutput(Duration timeout) {
        process.drainOutput(timeout);
    }

    @Override
    public void beforeCheck() {
        process.rememberDescendants();
    }

    @Override
    public SystemProcess process() {
        return process;
    }
}
