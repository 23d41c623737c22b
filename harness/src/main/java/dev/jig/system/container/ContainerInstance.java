package dev.jig.system.container;

import dev.jig.system.Signal;
import dev.jig.system.internal.ExitWatch;
import dev.jig.system.internal.Instance;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One started container: stop is {@code docker stop} then removal, signals go through {@code docker kill -s}. */
final class ContainerInstance implements Instance {

    private final String name;
    private final DockerContainer container;
    private final List<String> command;
    private final List<String> helpers;
    private final CompletableFuture<Void> logEnd;
    private final ExitWatch exit;
    private final long hostPid;

    ContainerInstance(String name, DockerContainer container, List<String> command, List<String> helpers,
                      CompletableFuture<Void> logEnd) {
        this.name = name;
        this.helpers = List.copyOf(helpers);
        this.container = container;
        this.command = List.copyOf(command);
        this.logEnd = logEnd;
        this.hostPid = container.hostPid();
        this.exit = ExitWatch.start(name, () -> {
            Integer code = container.awaitExit();
            return code == null ? ExitWatch.UNKNOWN : code;
        });
    }

    @Override
    public String registryId() {
        return container.id();
    }

    @Override
    public String identity() {
        String id = container.id();
        return "container " + (id.length() > 12 ? id.substring(0, 12) : id) + " of image " + container.image();
    }

    @Override
    public long pid() {
        return hostPid;
    }

    @Override
    public List<String> command() {
        return command;
    }

    @Override
    public String containerId() {
        return container.id();
    }

    @Override
    public String image() {
        return container.image();
    }

    @Override
    public String host() {
        return container.host();
    }

    @Override
    public int hostPort(int systemPort) {
        return container.hostPort(systemPort).orElseThrow(() -> new IllegalStateException(name + " listens on port "
                + systemPort + " inside its container, which runs on a bridge network where only a port known "
                + "before the start is published, and this one was not (published: " + container.publishedPorts()
                + "). Give it with port(" + systemPort + ") or pass SystemSpec.FREE_PORT in its args or env, or run "
                + "it with hostNetwork() (Linux engines on this host only)."));
    }

    /**
     * On a bridge, a connection to a published port is taken by Docker's proxy before anything listens inside, so
     * only the container's own sockets (its network namespace, seen through {@code /proc/<pid>/net} where the
     * engine runs on this host) tell.
     */
    @Override
    public Optional<Boolean> listensOn(int systemPort) {
        if (container.network() != DockerContainer.Network.BRIDGE || hostPid <= 0) {
            return Optional.empty();
        }
        return ListeningSockets.of(hostPid).map(ports -> ports.contains(systemPort));
    }

    @Override
    public List<String> helperIds() {
        return helpers;
    }

    @Override
    public boolean isAlive() {
        return !exit.exited();
    }

    @Override
    public OptionalInt exitCode() {
        return exit.exitCode();
    }

    @Override
    public void onExit(Runnable action) {
        exit.onExit(action);
    }

    @Override
    public void signal(Signal signal) {
        container.signal(signal.shortName());
    }

    @Override
    public void pause() {
        container.pause();
    }

    @Override
    public void resume() {
        container.unpause();
    }

    @Override
    public Integer stop(Duration grace) {
        try {
            Integer code = container.stop(grace);
            exit.await(Duration.ofSeconds(5).toMillis()); // the watcher sees the exit a moment after docker stop
            return code;
        } finally {
            container.remove();
        }
    }

    @Override
    public void kill() {
        try {
            container.signal(Signal.KILL.shortName());
            exit.await(Duration.ofSeconds(5).toMillis());
        } catch (RuntimeException e) {
            container.remove(); // the engine refused: take it away at least
        }
    }

    @Override
    public void drainOutput(Duration timeout) {
        try {
            logEnd.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the stream did not end in time: show what arrived
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
