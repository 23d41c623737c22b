package dev.jig.record;

import org.apiguardian.api.API;

/**
 * One bar of a benchmark's distribution.
 *
 * @param upTo  the upper bound of the bucket, in the benchmark's unit
 * @param count how many rounds fell into it
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record HistogramBucket(double upTo, long count) {
}
