package dev.jig.fake;

import org.apiguardian.api.API;

/**
 * A request no stub of a {@link FakeHttpServer} matched, with WireMock's diff against the closest stub.
 *
 * <pre>{@code
 * for (UnmatchedHttpRequest miss : catalog.unmatched()) {
 *     System.out.println(miss.formatted());   // the request line, then the near-miss diff
 * }
 * }</pre>
 *
 * @param id       WireMock's id of the logged request
 * @param method   e.g. {@code "POST"}
 * @param url      path and query
 * @param nearMiss WireMock's diff report against the closest stub, or {@code ""} when there are no stubs
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record UnmatchedHttpRequest(String id, String method, String url, String nearMiss) {

    /** The request line and, below it, the near-miss diff (or a note that no stub came close). */
    public String formatted() {
        String head = method + " " + url + " matched no stub";
        if (nearMiss.isBlank()) {
            return head + " (there are no stubs to compare it with)";
        }
        return head + "; closest stub:\n" + nearMiss.stripTrailing().replaceFirst("^(\\s*\\n)+", "");
    }
}
