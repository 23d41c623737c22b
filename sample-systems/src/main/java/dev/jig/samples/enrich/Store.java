package dev.jig.samples.enrich;

import java.util.List;

/**
 * Where enriched items go. Saving is an upsert: saving the same item twice keeps one row with the latest
 * details, so a retried batch does not duplicate anything.
 *
 * <pre>{@code
 * store.save("c1", List.of(new Enriched("i1", "{\"category\":\"books\"}")));
 * }</pre>
 */
public interface Store {

    /** Saves all {@code items} of {@code customerId} at once; returns how many were written. */
    int save(String customerId, List<Enriched> items) throws StoreException;

    /**
     * One enriched item.
     *
     * @param itemId  the item's id
     * @param details the API's JSON details of the item
     */
    record Enriched(String itemId, String details) {
    }

    /** Saving failed; nothing of the batch was written. */
    final class StoreException extends Exception {
        public StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
