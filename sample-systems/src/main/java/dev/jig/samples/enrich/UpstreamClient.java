package dev.jig.samples.enrich;

import java.io.IOException;
import java.util.List;

/**
 * The external API the service enriches from. Implementations block; the {@link Enricher} bounds how many
 * calls run at once and how long it waits for each.
 *
 * <pre>{@code
 * UpstreamClient upstream = new HttpUpstream(URI.create("http://127.0.0.1:8080"), Duration.ofSeconds(1));
 * Page first = upstream.page("c1", 1);       // GET /customers/c1/items?page=1
 * String details = upstream.item("i1");      // GET /items/i1
 * }</pre>
 */
public interface UpstreamClient {

    /** One page of a customer's items, {@code number} from 1. */
    Page page(String customerId, int number) throws IOException, InterruptedException;

    /** The details of one item, as the API's JSON text. */
    String item(String itemId) throws IOException, InterruptedException;

    /**
     * A page of item ids and the number of the next page, or {@code null} on the last page.
     *
     * @param itemIds the ids on this page, in order
     * @param next    the next page's number, {@code null} when there is none
     */
    record Page(List<String> itemIds, Integer next) {
        public Page {
            itemIds = List.copyOf(itemIds);
        }

        /** The last page. */
        public static Page last(String... itemIds) {
            return new Page(List.of(itemIds), null);
        }

        /** A page followed by page {@code next}. */
        public static Page of(int next, String... itemIds) {
            return new Page(List.of(itemIds), next);
        }
    }
}
