package dev.jig.fake;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * One request a {@link FakeHttpServer} received and what it did with it.
 *
 * <pre>{@code
 * assertThat(catalog.journal()).extracting(HttpExchange::status).containsExactly(200, 200, 404);
 * }</pre>
 *
 * @param number      1 for the first request the server received, then 2, 3, ...
 * @param method      e.g. {@code "GET"}
 * @param url         path and query, e.g. {@code "/items?page=2"}
 * @param status      the status served (a broken response still shows the status it would have had)
 * @param matched     whether a stub answered it
 * @param receivedAt  when it arrived
 * @param totalMillis how long serving it took, including added delays; -1 while not yet complete
 * @param fault       the fault it got (Jig's or WireMock's own {@code withFault}), or {@code ""} for none
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record HttpExchange(int number, String method, String url, int status, boolean matched,
                           Instant receivedAt, long totalMillis, String fault) {

    /** For messages and the record, e.g. {@code "#3 GET /items/7 -> 200 in 12 ms (fault: reset)"}. */
    public String formatted() {
        StringBuilder text = new StringBuilder("#").append(number).append(' ').append(method).append(' ')
                .append(url).append(" -> ").append(matched ? String.valueOf(status) : status + " (unmatched)");
        if (totalMillis >= 0) {
            text.append(" in ").append(totalMillis).append(" ms");
        }
        if (!fault.isEmpty()) {
            text.append(" (fault: ").append(fault).append(')');
        }
        return text.toString();
    }
}
