package dev.jig.samples.enrich;

import dev.jig.samples.enrich.Store.Enriched;
import dev.jig.samples.enrich.Store.StoreException;
import dev.jig.samples.enrich.UpstreamClient.Page;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Enriches a customer's items: pages through them, asks the API for each item's details with at most
 * {@code concurrency} item calls at once, retries what failed for a passing reason, and saves what
 * succeeded in one upsert. One item's failure is collected in the summary, never fatal to the batch.
 *
 * <pre>{@code
 * try (Enricher enricher = new Enricher(upstream, store, new Enricher.Settings(4, Duration.ofSeconds(1), 2,
 *         Duration.ofMillis(50)))) {
 *     EnrichmentSummary summary = enricher.enrich("c1");
 * }
 * }</pre>
 */
public final class Enricher implements AutoCloseable {

    /** More pages than this is taken as an API that pages forever. */
    static final int MAX_PAGES = 10_000;

    /**
     * How the enricher works.
     *
     * @param concurrency how many item calls may run at once
     * @param itemTimeout how long one call may take before it counts as failed (and is retried)
     * @param retries     how many times a failed call is retried (0 = asked once)
     * @param backoff     the pause before the first retry; doubled for each further retry
     */
    public record Settings(int concurrency, Duration itemTimeout, int retries, Duration backoff) {
        public Settings {
            if (concurrency < 1 || retries < 0 || itemTimeout.isNegative() || itemTimeout.isZero()
                    || backoff.isNegative()) {
                throw new IllegalArgumentException("concurrency >= 1, retries >= 0, itemTimeout > 0 and backoff"
                        + " >= 0 expected, got " + this);
            }
        }
    }

    private final UpstreamClient upstream;
    private final Store store;
    private final Settings settings;
    // Workers bound the concurrency: each runs one item at a time, its calls on the "calls" pool so that a
    // call that outlives its timeout can be abandoned (and interrupted) without blocking the worker. A call
    // that ignores the interrupt may go on beside the worker's next one; HttpUpstream's own timeout ends it.
    private final ExecutorService workers;
    private final ExecutorService calls;

    public Enricher(UpstreamClient upstream, Store store, Settings settings) {
        this.upstream = upstream;
        this.store = store;
        this.settings = settings;
        this.workers = Executors.newFixedThreadPool(settings.concurrency(), daemon("enrich-worker"));
        this.calls = Executors.newCachedThreadPool(daemon("enrich-call"));
    }

    /**
     * Enriches all items of {@code customerId}.
     *
     * @throws IOException    a page could not be fetched after all retries (nothing is saved)
     * @throws StoreException saving failed (nothing is saved)
     */
    public EnrichmentSummary enrich(String customerId) throws IOException, StoreException, InterruptedException {
        AtomicInteger retried = new AtomicInteger();
        List<Future<Attempted<String>>> pending = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try {
            Integer next = 1;
            for (int pages = 0; next != null; pages++) {
                if (pages == MAX_PAGES) {
                    throw new IOException("the API listed more than " + MAX_PAGES + " pages for " + customerId);
                }
                int number = next;
                Attempted<Page> page = attempt(() -> upstream.page(customerId, number), retried);
                if (page.value() == null) {
                    throw new IOException("page " + number + " of " + customerId + " failed after "
                            + page.attempts() + " attempt(s): " + page.error());
                }
                // Items of this page start while the next page is fetched.
                for (String id : page.value().itemIds()) {
                    ids.add(id);
                    pending.add(workers.submit(() -> attempt(() -> upstream.item(id), retried)));
                }
                next = page.value().next();
            }
            return collect(customerId, ids, pending, retried);
        } finally {
            pending.forEach(f -> f.cancel(true)); // only those still running, after a failure
        }
    }

    private EnrichmentSummary collect(String customerId, List<String> ids, List<Future<Attempted<String>>> pending,
            AtomicInteger retried) throws StoreException, InterruptedException {
        List<Enriched> enriched = new ArrayList<>();
        List<EnrichmentSummary.FailedItem> failed = new ArrayList<>();
        List<String> timedOut = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Attempted<String> item = await(pending.get(i));
            if (item.value() != null) {
                enriched.add(new Enriched(ids.get(i), item.value()));
                continue;
            }
            failed.add(new EnrichmentSummary.FailedItem(ids.get(i), item.error(), item.attempts()));
            if (item.timedOut()) {
                timedOut.add(ids.get(i));
            }
        }
        int written = enriched.isEmpty() ? 0 : store.save(customerId, enriched);
        return new EnrichmentSummary(customerId, ids.size(), written, retried.get(), failed, timedOut);
    }

    private static Attempted<String> await(Future<Attempted<String>> item) throws InterruptedException {
        try {
            return item.get();
        } catch (ExecutionException e) {
            // attempt() catches what a call throws; this is a bug in the enricher itself.
            throw new IllegalStateException("enriching an item failed unexpectedly", e.getCause());
        }
    }

    /** Calls up to 1 + retries times; never throws for what the call throws. */
    private <T> Attempted<T> attempt(Callable<T> call, AtomicInteger retried) throws InterruptedException {
        Attempted<T> last = null;
        for (int attempt = 1; attempt <= settings.retries() + 1; attempt++) {
            if (attempt > 1) {
                retried.incrementAndGet();
                Thread.sleep(settings.backoff().toMillis() << Math.min(attempt - 2, 16));
            }
            last = once(call, attempt);
            if (last.value() != null || !last.retryable()) {
                return last;
            }
        }
        return last;
    }

    private <T> Attempted<T> once(Callable<T> call, int attempt) throws InterruptedException {
        Future<T> running = calls.submit(call);
        try {
            T value = running.get(settings.itemTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return new Attempted<>(value, attempt, value == null ? "the client returned nothing" : null, false,
                    false);
        } catch (TimeoutException e) {
            running.cancel(true);
            return new Attempted<>(null, attempt, "timed out after " + settings.itemTimeout().toMillis() + " ms",
                    true, true);
        } catch (InterruptedException e) {
            running.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            boolean retryable = !(cause instanceof UpstreamException upstreamError) || upstreamError.retryable();
            return new Attempted<>(null, attempt, describe(cause), false, retryable);
        }
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        if (error instanceof UpstreamException) {
            return message;
        }
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public void close() {
        workers.shutdownNow();
        calls.shutdownNow();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One call's outcome: a value, or the last error and whether it was a timeout / worth retrying. */
    private record Attempted<T>(T value, int attempts, String error, boolean timedOut, boolean retryable) {
    }
}
