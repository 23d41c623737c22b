package dev.jig.bench;

import org.apiguardian.api.API;

/**
 * A benchmark got slower than its baseline by more than its threshold, beyond the noise of both runs.
 * The message names the benchmark, the test, the baseline, the delta and the test statistic used.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class BenchmarkRegressionException extends AssertionError {

    private static final long serialVersionUID = 1L;

    public BenchmarkRegressionException(String message) {
        super(message);
    }
}
