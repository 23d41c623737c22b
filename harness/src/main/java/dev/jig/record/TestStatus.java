package dev.jig.record;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.apiguardian.api.API;

/** How a test ended. Written in lower case: {@code passed | failed | aborted | skipped}. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum TestStatus {
    PASSED, FAILED, ABORTED, SKIPPED;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
