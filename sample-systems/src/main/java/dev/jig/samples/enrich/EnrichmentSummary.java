package dev.jig.samples.enrich;

import java.util.List;

/**
 * What one enrichment of a customer did; the service's reply, as JSON.
 *
 * <pre>{@code
 * {"customer":"c1","items":3,"written":2,"retried":1,
 *  "failed":[{"item":"i3","error":"timed out after 1000 ms","attempts":3}],"timedOut":["i3"]}
 * }</pre>
 *
 * @param customer the customer's id
 * @param items    how many items the API listed
 * @param written  how many enriched items were saved
 * @param retried  how many retries were made, over all items
 * @param failed   the items that could not be enriched, with their last error
 * @param timedOut the ids of failed items whose last attempt timed out
 */
public record EnrichmentSummary(String customer, int items, int written, int retried, List<FailedItem> failed,
        List<String> timedOut) {

    public EnrichmentSummary {
        failed = List.copyOf(failed);
        timedOut = List.copyOf(timedOut);
    }

    /**
     * An item that could not be enriched.
     *
     * @param item     its id
     * @param error    the last error
     * @param attempts how many times it was asked for
     */
    public record FailedItem(String item, String error, int attempts) {
    }
}
