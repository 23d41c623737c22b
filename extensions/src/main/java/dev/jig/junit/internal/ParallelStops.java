package dev.jig.junit.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Stops the resources of one scope in parallel where they are independent, and in reverse dependency order where
 * they are not: a resource stops only after every resource that needs it (asked for its address while starting)
 * has stopped. Each stop is bounded by the resource itself (grace, kill, join budgets), so this waits for all.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
final class ParallelStops {

    private static final ExecutorService POOL = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "jig-stop");
        thread.setDaemon(true);
        return thread;
    });

    private ParallelStops() {
    }

    /**
     * Stops {@code order} (reverse start order) with {@code stop}; {@code needs} maps a resource to those it needs.
     *
     * @return what the stops threw, in {@code order}
     */
    static List<Throwable> stop(List<JigResource> order, Map<JigResource, Set<JigResource>> needs,
                                Consumer<JigResource> stop) {
        if (order.size() <= 1) {
            return sequential(order, stop);
        }
        Map<JigResource, CompletableFuture<Throwable>> stopped = new IdentityHashMap<>();
        for (JigResource resource : order) {
            // Dependents started after the resource they need, so they come earlier in this order.
            List<CompletableFuture<Throwable>> dependents = new ArrayList<>();
            needs.forEach((dependent, needed) -> {
                if (needed.contains(resource) && stopped.containsKey(dependent)) {
                    dependents.add(stopped.get(dependent));
                }
            });
            CompletableFuture<Throwable> done = CompletableFuture
                    .allOf(dependents.toArray(CompletableFuture[]::new))
                    .handleAsync((ignored, error) -> stopOne(resource, stop), POOL);
            stopped.put(resource, done);
        }
        List<Throwable> failures = new ArrayList<>();
        for (JigResource resource : order) {
            Throwable failure = stopped.get(resource).join();
            if (failure != null) {
                failures.add(failure);
            }
        }
        return failures;
    }

    private static List<Throwable> sequential(List<JigResource> order, Consumer<JigResource> stop) {
        List<Throwable> failures = new ArrayList<>();
        for (JigResource resource : order) {
            Throwable failure = stopOne(resource, stop);
            if (failure != null) {
                failures.add(failure);
            }
        }
        return failures;
    }

    private static Throwable stopOne(JigResource resource, Consumer<JigResource> stop) {
        try {
            stop.accept(resource);
            return null;
        } catch (RuntimeException | Error e) {
            return e;
        }
    }
}
