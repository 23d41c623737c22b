package dev.jig.container;

import dev.jig.process.ProcessOutput;
import dev.jig.process.ReadinessTarget;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.regex.Matcher;

/** A {@link ContainerSystem} seen by the readiness conditions of {@code dev.jig.process}. */
final class ContainerTarget implements ReadinessTarget {

    private final ContainerSystem system;

    ContainerTarget(ContainerSystem system) {
        this.system = system;
    }

    @Override
    public String name() {
        return system.name();
    }

    @Override
    public String identity() {
        return system.identity() + " of image " + system.image();
    }

    @Override
    public ProcessOutput output() {
        return system.output();
    }

    @Override
    public boolean isAlive() {
        return system.isAlive();
    }

    @Override
    public OptionalInt exitCode() {
        return system.exitCode();
    }

    @Override
    public OptionalInt port() {
        return system.port();
    }

    @Override
    public void captureMatch(Matcher match, Integer capturedPort) {
        system.captureMatch(match, capturedPort);
    }

    @Override
    public void onExit(Runnable action) {
        system.onExit(action);
    }

    @Override
    public void drainOutput(Duration timeout) {
        system.drainOutput(timeout);
    }
}
