package dev.jig.record;

import org.apiguardian.api.API;

/**
 * One method of a sampled flat profile.
 *
 * @param method       {@code fully.qualified.Class.method}
 * @param selfSamples  samples with it on top of the stack
 * @param totalSamples samples with it anywhere on the stack (recursion counted once)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SampledFlatRow(String method, long selfSamples, long totalSamples) {
}
