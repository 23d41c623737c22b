package dev.jig.samples.enrich.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.jig.samples.enrich.Enricher;
import dev.jig.samples.enrich.EnrichmentSummary;
import dev.jig.samples.enrich.EnrichmentSummary.FailedItem;
import dev.jig.samples.enrich.Store;
import dev.jig.samples.enrich.Store.Enriched;
import dev.jig.samples.enrich.UpstreamClient;
import dev.jig.samples.enrich.UpstreamClient.Page;
import dev.jig.samples.enrich.UpstreamException;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The enrichment logic alone: the external API and the database are Mockito mocks. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EnricherTest {

    private final UpstreamClient upstream = mock(UpstreamClient.class);
    private final Store store = mock(Store.class);
    private Enricher enricher;

    @BeforeEach
    void storeSavesWhatItIsGiven() throws Exception {
        when(store.save(anyString(), anyList())).thenAnswer(call -> call.<List<?>>getArgument(1).size());
    }

    @AfterEach
    void closeEnricher() {
        if (enricher != null) {
            enricher.close();
        }
    }

    private Enricher enricher(int concurrency, Duration timeout, int retries) {
        enricher = new Enricher(upstream, store, new Enricher.Settings(concurrency, timeout, retries, Duration.ZERO));
        return enricher;
    }

    private static String details(String id) {
        return "{\"id\":\"" + id + "\"}";
    }

    private static Enriched enriched(String id) {
        return new Enriched(id, details(id));
    }

    @Test
    void pagesThroughAllPagesAndSavesEveryItem() throws Exception {
        when(upstream.page("c1", 1)).thenReturn(Page.of(2, "a", "b"));
        when(upstream.page("c1", 2)).thenReturn(Page.of(3, "c"));
        when(upstream.page("c1", 3)).thenReturn(Page.last("d"));
        when(upstream.item(anyString())).thenAnswer(call -> details(call.getArgument(0)));

        EnrichmentSummary summary = enricher(2, Duration.ofSeconds(5), 2).enrich("c1");

        assertThat(summary).isEqualTo(new EnrichmentSummary("c1", 4, 4, 0, List.of(), List.of()));
        verify(store).save("c1", List.of(enriched("a"), enriched("b"), enriched("c"), enriched("d")));
        verify(upstream, never()).page("c1", 4);
    }

    @Test
    void neverRunsMoreItemCallsAtOnceThanTheConcurrency() throws Exception {
        when(upstream.page("c1", 1)).thenReturn(Page.last("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"));
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        CountDownLatch threeAtOnce = new CountDownLatch(3);
        when(upstream.item(anyString())).thenAnswer(call -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                // The first calls wait until the bound is reached, so the test sees it reached, not just obeyed.
                threeAtOnce.countDown();
                threeAtOnce.await(5, TimeUnit.SECONDS);
                Thread.sleep(20);
                return details(call.getArgument(0));
            } finally {
                inFlight.decrementAndGet();
            }
        });

        EnrichmentSummary summary = enricher(3, Duration.ofSeconds(10), 0).enrich("c1");

        assertThat(summary.written()).isEqualTo(10);
        assertThat(maxInFlight).hasValue(3);
    }

    @Test
    void retriesAnItemThatFailedWithAServerErrorThenSavesIt() throws Exception {
        when(upstream.page("c1", 1)).thenReturn(Page.last("a", "b"));
        when(upstream.item("a")).thenReturn(details("a"));
        when(upstream.item("b")).thenThrow(new UpstreamException("GET /items/b", 500, "oops")).thenReturn(details("b"));

        EnrichmentSummary summary = enricher(2, Duration.ofSeconds(5), 2).enrich("c1");

        assertThat(summary).isEqualTo(new EnrichmentSummary("c1", 2, 2, 1, List.of(), List.of()));
        verify(upstream, times(2)).item("b");
        verify(store).save("c1", List.of(enriched("a"), enriched("b")));
    }

    @Test
    void collectsAnItemThatKeepsFailingAndSavesTheOthers() throws Exception {
        when(upstream.page("c1", 1)).thenReturn(Page.last("a", "b", "c"));
        when(upstream.item(anyString())).thenAnswer(call -> details(call.getArgument(0)));
        when(upstream.item("b")).thenThrow(new ConnectException("Connection refused"));

        EnrichmentSummary summary = enricher(2, Duration.ofSeconds(5), 2).enrich("c1");

        assertThat(summary.failed()).containsExactly(new FailedItem("b", "ConnectException: Connection refused", 3));
        assertThat(summary.retried()).isEqualTo(2);
        assertThat(summary.written()).isEqualTo(2);
        assertThat(summary.timedOut()).isEmpty();
        verify(store).save("c1", List.of(enriched("a"), enriched("c")));
    }

    @Test
    void doesNotRetryAnAnswerThatWillNotChange() throws Exception {
        when(upstream.page("c1", 1)).thenReturn(Page.last("gone"));
        when(upstream.item("gone")).thenThrow(new UpstreamException("GET /items/gone", 404, "no such item"));

        EnrichmentSummary summary = enricher(2, Duration.ofSeconds(5), 2).enrich("c1");

        assertThat(summary.failed())
                .containsExactly(new FailedItem("gone", "GET /items/gone answered HTTP 404: no such item", 1));
        assertThat(summary.retried()).isZero();
        verify(upstream, times(1)).item("gone");
        verify(store, never()).save(anyString(), anyList());
    }

    @Test
    void recordsAnItemThatTimesOutAndSavesTheOthers() throws Exception {
        when(upstream.page("c1", 1)).thenReturn(Page.last("a", "slow", "c"));
        when(upstream.item(anyString())).thenAnswer(call -> details(call.getArgument(0)));
        when(upstream.item("slow")).thenAnswer(call -> {
            Thread.sleep(10_000);
            return details("slow");
        });

        EnrichmentSummary summary = enricher(3, Duration.ofMillis(200), 1).enrich("c1");

        assertThat(summary.timedOut()).containsExactly("slow");
        assertThat(summary.failed()).containsExactly(new FailedItem("slow", "timed out after 200 ms", 2));
        assertThat(summary.retried()).isEqualTo(1);
        verify(store).save("c1", List.of(enriched("a"), enriched("c")));
    }

    @Test
    void aPageThatKeepsFailingFailsTheBatchAndSavesNothing() throws Exception {
        when(upstream.page("c1", 1)).thenReturn(Page.of(2, "a"));
        when(upstream.page("c1", 2)).thenThrow(new UpstreamException("GET /customers/c1/items?page=2", 503, ""));
        when(upstream.item(anyString())).thenAnswer(call -> details(call.getArgument(0)));

        assertThatThrownBy(() -> enricher(2, Duration.ofSeconds(5), 1).enrich("c1"))
                .isInstanceOf(IOException.class)
                .hasMessage("page 2 of c1 failed after 2 attempt(s): GET /customers/c1/items?page=2 answered HTTP 503");
        verify(store, never()).save(anyString(), anyList());
    }

    @Test
    void aStoreFailureFailsTheBatch() throws Exception {
        when(upstream.page("c1", 1)).thenReturn(Page.last("a"));
        when(upstream.item("a")).thenReturn(details("a"));
        when(store.save(eq("c1"), any())).thenThrow(new Store.StoreException("database down", null));

        assertThatThrownBy(() -> enricher(2, Duration.ofSeconds(5), 1).enrich("c1"))
                .isInstanceOf(Store.StoreException.class)
                .hasMessage("database down");
    }

    @Test
    void aCustomerWithoutItemsWritesNothing() throws Exception {
        when(upstream.page("c1", 1)).thenReturn(Page.last());

        EnrichmentSummary summary = enricher(2, Duration.ofSeconds(5), 1).enrich("c1");

        assertThat(summary).isEqualTo(new EnrichmentSummary("c1", 0, 0, 0, List.of(), List.of()));
        verify(store, never()).save(anyString(), anyList());
    }
}
