package dev.jig.system.internal;

import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import org.apiguardian.api.API;

/**
 * Waits for one instance to exit on a daemon thread of its own, then runs what was registered, in order, on
 * that thread (which may block briefly, e.g. to drain output). Not for users.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class ExitWatch {

    /** The exit code when the wait broke off without one. */
    public static final int UNKNOWN = -1;

    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    private ExitWatch() {
    }

    /**
     * Starts the watcher thread {@code "jig-<name>-exit"}; {@code awaitExitCode} blocks until the instance exits
     * and returns its code (or {@link #UNKNOWN}).
     */
    public static ExitWatch start(String name, IntSupplier awaitExitCode) {
        ExitWatch watch = new ExitWatch();
        Thread watcher = new Thread(() -> {
            int code;
            try {
                code = awaitExitCode.getAsInt();
            } catch (RuntimeException e) {
                code = UNKNOWN;
            }
            watch.exit.complete(code);
        }, "jig-" + name + "-exit");
        watcher.setDaemon(true);
        watcher.start();
        return watch;
    }

    /** Runs {@code action} once exited: on the watcher thread, or at once if it has already. */
    public void onExit(Runnable action) {
        exit.thenRun(action);
    }

    /** The exit code, once exited. */
    public OptionalInt exitCode() {
        Integer code = exit.getNow(null);
        return code == null ? OptionalInt.empty() : OptionalInt.of(code);
    }

    /** Whether it has exited. */
    public boolean exited() {
        return exit.isDone();
    }

    /** Waits up to {@code millis} for the exit; whether it happened. */
    public boolean await(long millis) {
        return await(exit, millis);
    }

    /** Waits up to {@code millis} for {@code done}; whether it is done (an interrupt ends the wait early). */
    public static boolean await(CompletableFuture<?> done, long millis) {
        try {
            done.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return done.isDone();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return done.isDone();
        }
    }
}
