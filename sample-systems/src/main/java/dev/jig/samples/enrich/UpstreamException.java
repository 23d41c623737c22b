package dev.jig.samples.enrich;

import java.io.IOException;

/**
 * The external API answered with an error status. 5xx and 429 are worth retrying (the API is busy or
 * broken for a moment); other statuses are answers that will not change.
 */
public final class UpstreamException extends IOException {

    private final int status;

    public UpstreamException(String what, int status, String body) {
        super(what + " answered HTTP " + status + (body == null || body.isBlank() ? "" : ": " + abbreviate(body)));
        this.status = status;
    }

    /** The HTTP status the API answered with. */
    public int status() {
        return status;
    }

    /** Whether asking again may succeed. */
    public boolean retryable() {
        return status >= 500 || status == 429;
    }

    private static String abbreviate(String body) {
        String line = body.strip().replaceAll("\\s+", " ");
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
