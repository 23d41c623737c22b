package dev.jig.bench;

import org.apiguardian.api.API;

/** The measured action (or a pedantic setup/teardown) threw; the message names the benchmark and the round. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class BenchmarkFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BenchmarkFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
