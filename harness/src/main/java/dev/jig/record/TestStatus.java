package dev.jig.record;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * How a test (or a class) ended. Written in lower case: {@code passed | failed | aborted | skipped | hung}.
 * {@link #HUNG}: the test passed its deadline and had not returned when the report was written.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum TestStatus {
    PASSED, FAILED, ABORTED, SKIPPED, HUNG;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
